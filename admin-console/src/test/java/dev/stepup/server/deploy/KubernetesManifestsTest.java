package dev.stepup.server.deploy;

import static dev.stepup.server.deploy.DeployFiles.at;
import static dev.stepup.server.deploy.DeployFiles.list;
import static dev.stepup.server.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s fits together and fits the image and the server: the Service and the budget select the
 * Deployment's pods, the probes ask the server's probe paths on the port that serves them, the pods
 * run as the image's unprivileged user on a read-only root with the paths it writes mounted.
 */
class KubernetesManifestsTest {

  private final Map<String, Object> deployment = DeployFiles.onlyKubernetes("Deployment");
  private final Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
  private final Map<String, Object> container = map(list(pod.get("containers")).get(0));
  private final Map<String, Object> podLabels =
      map(at(deployment, "spec.template.metadata.labels"));
  private final DeployFiles.Dockerfile image = DeployFiles.dockerfile();

  @Test
  void theServiceTheBudgetAndTheDeploymentSelectTheSamePods() {
    assertThat((Integer) at(deployment, "spec.replicas")).isGreaterThanOrEqualTo(2);
    assertThat(podLabels)
        .containsAllEntriesOf(map(at(deployment, "spec.selector.matchLabels")))
        .isNotEmpty();

    Map<String, Object> service = DeployFiles.onlyKubernetes("Service");
    assertThat(podLabels).containsAllEntriesOf(map(at(service, "spec.selector")));
    assertThat(at(service, "spec.sessionAffinity")).isIn(null, "None");
    for (Object port : list(at(service, "spec.ports"))) {
      assertThat(containerPort(map(port).get("targetPort")))
          .isEqualTo(Integer.valueOf(image.env().get("SERVER_PORT")));
    }

    Map<String, Object> budget = DeployFiles.onlyKubernetes("PodDisruptionBudget");
    assertThat(at(budget, "spec.minAvailable")).isEqualTo(1);
    Map<String, Object> budgetLabels = map(at(budget, "spec.selector.matchLabels"));
    assertThat(budgetLabels).isNotEmpty();
    assertThat(podLabels).containsAllEntriesOf(budgetLabels);
  }

  @Test
  void probesAskTheServersProbePathsOnTheManagementPort() {
    List<String> served = ServerSettings.probePaths();
    assertThat(served).containsExactly("/actuator/health/liveness", "/actuator/health/readiness");
    int management = Integer.parseInt(image.env().get("MANAGEMENT_SERVER_PORT"));
    Map<String, String> expected =
        Map.of(
            "startupProbe", served.get(0),
            "livenessProbe", served.get(0),
            "readinessProbe", served.get(1));
    expected.forEach(
        (probe, path) -> {
          Map<String, Object> get = map(at(container, probe + ".httpGet"));
          assertThat(get.get("path")).as(probe).isEqualTo(path);
          assertThat(containerPort(get.get("port"))).as(probe).isEqualTo(management);
        });
    assertThat(image.exposed())
        .containsExactlyInAnyOrderElementsOf(
            list(container.get("ports")).stream()
                .map(p -> (Integer) map(p).get("containerPort"))
                .toList());
  }

  @Test
  void podsRunAsTheImagesUnprivilegedUserOnAReadOnlyRootWithWritableDataAndTmp() {
    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    String uid = image.user().split(":")[0];
    assertThat(String.valueOf(at(pod, "securityContext.runAsUser"))).isEqualTo(uid);
    assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);

    Map<String, Object> emptyDirs = mountsOf(v -> v.containsKey("emptyDir"));
    assertThat(emptyDirs).containsKeys("/tmp", image.env().get("STEPUP_DATA_DIR"));
    assertThat(map(container.get("resources")).get("limits")).isNotNull();
  }

  @Test
  void theMasterKeyIsAMountedSecretFileOutsideTheDataDirectory() {
    Map<String, Object> config = map(DeployFiles.onlyKubernetes("ConfigMap").get("data"));
    Path keyFile = Path.of((String) config.get("STEPUP_MASTER_KEY_FILE"));
    assertThat(keyFile.startsWith(Path.of(image.env().get("STEPUP_DATA_DIR"))))
        .as(keyFile + " outside the data directory")
        .isFalse();
    Map<String, Object> secrets = mountsOf(v -> v.containsKey("secret"));
    Object volume = secrets.get(keyFile.getParent().toString());
    assertThat(volume).as("a secret volume mounted at " + keyFile.getParent()).isNotNull();
    String secretName = (String) at(map(volume), "secret.secretName");
    assertThat(secretKeys(secretName)).contains(keyFile.getFileName().toString());
  }

  @Test
  void everyConfigMapAndSecretThePodsReadIsDefinedWithTheKeysTheyName() {
    for (Object from : list(container.get("envFrom"))) {
      String name = (String) at(map(from), "configMapRef.name");
      assertThat(at(DeployFiles.onlyKubernetes("ConfigMap"), "metadata.name")).isEqualTo(name);
    }
    for (Object env : list(container.get("env"))) {
      Map<String, Object> ref = map(at(map(env), "valueFrom.secretKeyRef"));
      assertThat(ref).as(map(env).get("name") + " comes from a Secret").isNotEmpty();
      if (Boolean.TRUE.equals(ref.get("optional"))) {
        // Created only for a while (the previous master keys); applying the templates must not.
        assertThat(DeployFiles.kubernetes("Secret"))
            .noneMatch(secret -> ref.get("name").equals(at(secret, "metadata.name")));
        continue;
      }
      assertThat(secretKeys((String) ref.get("name"))).contains((String) ref.get("key"));
    }
  }

  @Test
  void theKustomizationListsEveryManifest() throws IOException {
    Path k8s = DeployFiles.root().resolve("k8s");
    List<Object> resources =
        list(DeployFiles.documents(k8s.resolve("kustomization.yaml")).get(0).get("resources"));
    try (Stream<Path> files = Files.list(k8s)) {
      assertThat(resources)
          .containsExactlyInAnyOrderElementsOf(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                  .map(Object.class::cast)
                  .toList());
    }
  }

  /** A port by number or by the container's name for it, as its number. */
  private Integer containerPort(Object port) {
    if (port instanceof Integer number) {
      return number;
    }
    return list(container.get("ports")).stream()
        .map(DeployFiles::map)
        .filter(p -> port.equals(p.get("name")))
        .map(p -> (Integer) p.get("containerPort"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port));
  }

  /** Mount path → volume, for the volumes that pass the test. */
  private Map<String, Object> mountsOf(java.util.function.Predicate<Map<String, Object>> kind) {
    Map<String, Object> byPath = new java.util.TreeMap<>();
    for (Object mount : list(container.get("volumeMounts"))) {
      String name = (String) map(mount).get("name");
      list(pod.get("volumes")).stream()
          .map(DeployFiles::map)
          .filter(v -> name.equals(v.get("name")) && kind.test(v))
          .forEach(v -> byPath.put((String) map(mount).get("mountPath"), v));
    }
    return byPath;
  }

  private static java.util.Set<String> secretKeys(String name) {
    return DeployFiles.kubernetes("Secret").stream()
        .filter(s -> name.equals(at(s, "metadata.name")))
        .findFirst()
        .map(s -> map(s.get("stringData")).keySet())
        .orElseThrow(() -> new AssertionError("no Secret " + name + " in deploy/k8s"));
  }
}
