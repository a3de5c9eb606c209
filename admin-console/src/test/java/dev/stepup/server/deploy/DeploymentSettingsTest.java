package dev.stepup.server.deploy;

import static dev.stepup.server.deploy.DeployFiles.at;
import static dev.stepup.server.deploy.DeployFiles.list;
import static dev.stepup.server.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.StepUpProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every environment variable the image, compose and the Kubernetes manifests give a node is a
 * setting the server reads (a misspelt one would be ignored without a word), and the ones for
 * {@code stepup.*} arrive where the server looks.
 */
class DeploymentSettingsTest {

  /** Read by the JVM itself, not by the server. */
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  private final ServerSettings settings = ServerSettings.read();

  @Test
  void theCheckKnowsTheServersSettingsAndRefusesAMadeUpOne() {
    assertThat(settings.reads("STEPUP_MASTER_KEY_FILE")).isTrue();
    assertThat(settings.reads("STEPUP_PUBLIC_URL")).isTrue();
    assertThat(settings.reads("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE")).isTrue();
    assertThat(settings.reads("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE")).isTrue();
    assertThat(settings.reads("STEPUP_MASTER_KEYS")).isFalse();
    assertThat(settings.reads("STEPUP_BOOTSTRAP_ADMIN_PASWORD")).isFalse();
  }

  @Test
  void everyVariableTheImageSetsIsASettingTheServerReads() {
    DeployFiles.dockerfile().env().keySet().stream()
        .filter(name -> !JVM_VARIABLES.contains(name))
        .forEach(name -> assertThat(settings.reads(name)).as("Dockerfile ENV " + name).isTrue());
  }

  @Test
  void everyVariableComposeGivesANodeIsASettingTheServerReads() {
    DeployFiles.composeNodes()
        .forEach(
            (node, service) ->
                map(service.get("environment"))
                    .keySet()
                    .forEach(
                        name ->
                            assertThat(settings.reads(name))
                                .as("compose " + node + " environment " + name)
                                .isTrue()));
  }

  @Test
  void everyVariableThePodsAreGivenIsASettingTheServerReads() {
    kubernetesEnvironment()
        .keySet()
        .forEach(name -> assertThat(settings.reads(name)).as("k8s " + name).isTrue());
  }

  @Test
  void thePodsSettingsBindToTheServersProperties() {
    Map<String, Object> env = kubernetesEnvironment();
    MutablePropertySources sources = new MutablePropertySources();
    // Named like the process environment, so Spring Boot maps its names the same way (only then
    // do nested settings such as STEPUP_BOOTSTRAP_ADMIN_PASSWORD bind).
    sources.addFirst(new SystemEnvironmentPropertySource("pod-systemEnvironment", env));
    StepUpProperties bound =
        new Binder(ConfigurationPropertySources.from(sources))
            .bind("stepup", StepUpProperties.class)
            .get();

    assertThat(bound.issuer()).isEqualTo(env.get("STEPUP_ISSUER"));
    assertThat(bound.masterKeyFile())
        .isEqualTo(Path.of((String) env.get("STEPUP_MASTER_KEY_FILE")));
    assertThat(bound.masterKey()).isNull();
    assertThat(bound.dataDir()).isEqualTo(Path.of((String) env.get("STEPUP_DATA_DIR")));
    assertThat(bound.passkeys().rpId()).isEqualTo(env.get("STEPUP_PASSKEYS_RP_ID"));
    assertThat(bound.mail().from()).isEqualTo(env.get("STEPUP_MAIL_FROM"));
    assertThat(bound.bootstrap().adminPassword())
        .isEqualTo(env.get("STEPUP_BOOTSTRAP_ADMIN_PASSWORD"))
        .startsWith("secret:");
    assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
  }

  /**
   * What a pod's process sees: the image's ENV, then the ConfigMap, then the Deployment's env (a
   * value from a Secret stands as {@code secret:<name>/<key>}).
   */
  static Map<String, Object> kubernetesEnvironment() {
    Map<String, Object> env = new LinkedHashMap<>(DeployFiles.dockerfile().env());
    JVM_VARIABLES.forEach(env::remove);
    env.putAll(map(DeployFiles.onlyKubernetes("ConfigMap").get("data")));
    Map<String, Object> deployment = DeployFiles.onlyKubernetes("Deployment");
    Map<String, Object> container =
        map(list(at(deployment, "spec.template.spec.containers")).get(0));
    for (Object variable : list(container.get("env"))) {
      Map<String, Object> v = map(variable);
      Map<String, Object> secret = map(at(v, "valueFrom.secretKeyRef"));
      env.put(
          (String) v.get("name"),
          secret.isEmpty()
              ? v.get("value")
              : "secret:" + secret.get("name") + "/" + secret.get("key"));
    }
    return env;
  }
}
