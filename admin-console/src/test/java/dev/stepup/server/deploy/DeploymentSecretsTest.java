package dev.stepup.server.deploy;

import static dev.stepup.server.deploy.DeployFiles.at;
import static dev.stepup.server.deploy.DeployFiles.list;
import static dev.stepup.server.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.bootstrap.BootstrapCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret is written in deploy/: compose takes every one from the operator's .env (and refuses to
 * start without it), the pods from Secrets, and the Secret templates hold only placeholders the
 * server refuses.
 */
class DeploymentSecretsTest {

  /** What every secret in the Kubernetes templates holds. */
  private static final String PLACEHOLDER = "REPLACE_ME";

  /** Names of settings that carry a secret (a *_FILE names where one is, which is not secret). */
  private static final Pattern SECRET = Pattern.compile(".*(KEY|PASSWORD|SECRET|TOKEN)(S)?$");

  /**
   * compose's "${NAME:?message}" (the value must come from the environment or .env) or "${NAME:-}"
   * (from there, or empty): never a value written in the file.
   */
  private static final Pattern FROM_ENVIRONMENT = Pattern.compile("^\\$\\{[A-Z_]+(:\\?[^}]+|:-)}$");

  /** What a pasted master key (base64 of 32 bytes) or a long hex token looks like. */
  private static final Pattern KEY_LIKE =
      Pattern.compile("(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{43}=|[0-9a-f]{40,})(?![A-Za-z0-9+/=])");

  @Test
  void composeTakesEverySecretFromTheOperatorsEnvironment() {
    Map<String, Object> services = map(DeployFiles.compose().get("services"));
    services.forEach(
        (name, service) ->
            map(map(service).get("environment"))
                .forEach(
                    (variable, value) -> {
                      if (SECRET.matcher(variable).matches()) {
                        assertThat(String.valueOf(value))
                            .as(name + " " + variable)
                            .matches(FROM_ENVIRONMENT);
                      }
                    }));
  }

  @Test
  void theEnvExampleLeavesEverySecretEmpty() {
    DeployFiles.text(".env.example")
        .lines()
        .filter(l -> !l.startsWith("#") && l.contains("="))
        .forEach(
            line -> {
              String name = line.substring(0, line.indexOf('='));
              if (SECRET.matcher(name).matches()) {
                assertThat(line).as(name).isEqualTo(name + "=");
              }
            });
    assertThat(DeployFiles.text(".gitignore").lines()).contains(".env");
  }

  @Test
  void podsTakeSecretsFromSecretsAndTheTemplatesHoldOnlyPlaceholders() {
    map(DeployFiles.onlyKubernetes("ConfigMap").get("data"))
        .keySet()
        .forEach(name -> assertThat(name).as("ConfigMap key").doesNotMatch(SECRET));
    Map<String, Object> deployment = DeployFiles.onlyKubernetes("Deployment");
    for (Object container : list(at(deployment, "spec.template.spec.containers"))) {
      for (Object variable : list(map(container).get("env"))) {
        Map<String, Object> v = map(variable);
        if (SECRET.matcher((String) v.get("name")).matches()) {
          assertThat(v).as((String) v.get("name")).doesNotContainKey("value");
          assertThat(at(v, "valueFrom.secretKeyRef")).isNotNull();
        }
      }
    }
    for (Map<String, Object> secret : DeployFiles.kubernetes("Secret")) {
      assertThat(secret).doesNotContainKey("data");
      map(secret.get("stringData"))
          .forEach(
              (key, value) -> {
                if (!key.equals("username") || !"stepup".equals(value)) {
                  assertThat(value).as(key).isEqualTo(PLACEHOLDER);
                }
              });
    }
    // Applied unchanged, the placeholders stop the server instead of becoming a known secret.
    assertThat(decodesTo32Bytes(PLACEHOLDER)).as("the placeholder is no usable key").isFalse();
    assertThat(PLACEHOLDER.length())
        .as("the bootstrap refuses an admin password this short")
        .isLessThan(BootstrapCommand.MIN_ADMIN_PASSWORD);
  }

  @Test
  void nothingUnderDeployLooksLikeAPastedKey() throws IOException {
    try (Stream<Path> files = Files.walk(DeployFiles.root())) {
      // deploy/.env is the operator's own (git ignores it): it is meant to hold the real values.
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals(".env"))
              .toList()) {
        assertThat(KEY_LIKE.matcher(Files.readString(file)).find())
            .as(file + " holds a key-like value")
            .isFalse();
      }
    }
  }

  private static boolean decodesTo32Bytes(String value) {
    try {
      return Base64.getDecoder().decode(value).length == 32;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
