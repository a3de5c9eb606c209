package dev.stepup.server.deploy;

import static dev.stepup.server.deploy.DeployFiles.at;
import static dev.stepup.server.deploy.DeployFiles.list;
import static dev.stepup.server.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/jobs/rotate-master-key.yaml runs the server's rotate-master-key command as the nodes
 * would run: the same image, settings, key file and security context, with the old key required —
 * and its pod is never taken for a node by the Service or the disruption budget.
 */
class MasterKeyRotationJobTest {

  private final Map<String, Object> job =
      DeployFiles.documents(DeployFiles.root().resolve("k8s/jobs/rotate-master-key.yaml")).get(0);
  private final Map<String, Object> jobPod = map(at(job, "spec.template.spec"));
  private final Map<String, Object> jobContainer = map(list(jobPod.get("containers")).get(0));
  private final Map<String, Object> nodePod =
      map(at(DeployFiles.onlyKubernetes("Deployment"), "spec.template.spec"));
  private final Map<String, Object> nodeContainer = map(list(nodePod.get("containers")).get(0));

  @Test
  void runsTheRotationCommandLikeANode() {
    assertThat(job.get("kind")).isEqualTo("Job");
    // RotateMasterKeyCommand.NAME: the argument that turns the server into the command.
    assertThat(list(jobContainer.get("args"))).containsExactly("rotate-master-key");
    assertThat(jobContainer.get("image")).isEqualTo(nodeContainer.get("image"));
    assertThat(jobContainer.get("envFrom")).isEqualTo(nodeContainer.get("envFrom"));
    assertThat(jobPod.get("securityContext")).isEqualTo(nodePod.get("securityContext"));
    assertThat(jobContainer.get("securityContext")).isEqualTo(nodeContainer.get("securityContext"));
    assertThat(jobContainer.get("volumeMounts")).isEqualTo(nodeContainer.get("volumeMounts"));
    assertThat(volume(jobPod, "master-key")).isEqualTo(volume(nodePod, "master-key"));
    assertThat(at(job, "spec.template.spec.restartPolicy")).isEqualTo("Never");
  }

  @Test
  void readsTheDatabaseAndTheOldKeyFromTheNodesSecretsAndNeedsTheOldKey() {
    Map<String, Object> nodeRefs = secretRefs(nodeContainer);
    Map<String, Object> jobRefs = secretRefs(jobContainer);
    assertThat(jobRefs)
        .containsKeys(
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "STEPUP_PREVIOUS_MASTER_KEYS");
    jobRefs.forEach(
        (name, ref) -> {
          Map<String, Object> node = map(nodeRefs.get(name));
          assertThat(map(ref).get("name")).as(name).isEqualTo(node.get("name"));
          assertThat(map(ref).get("key")).as(name).isEqualTo(node.get("key"));
        });
    assertThat(map(jobRefs.get("STEPUP_PREVIOUS_MASTER_KEYS")).get("optional")).isNotEqualTo(true);
    assertThat(map(nodeRefs.get("STEPUP_PREVIOUS_MASTER_KEYS")).get("optional")).isEqualTo(true);
  }

  @Test
  void itsPodIsNeitherServedNorCountedAsANode() {
    Map<String, Object> labels = map(at(job, "spec.template.metadata.labels"));
    Map<String, Object> service = map(at(DeployFiles.onlyKubernetes("Service"), "spec.selector"));
    Map<String, Object> budget =
        map(at(DeployFiles.onlyKubernetes("PodDisruptionBudget"), "spec.selector.matchLabels"));
    assertThat(selects(service, labels)).as("the Service selects the job's pod").isFalse();
    assertThat(selects(budget, labels)).as("the budget counts the job's pod").isFalse();
  }

  private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    return labels.entrySet().containsAll(selector.entrySet());
  }

  private static Map<String, Object> secretRefs(Map<String, Object> container) {
    return list(container.get("env")).stream()
        .map(DeployFiles::map)
        .filter(v -> at(v, "valueFrom.secretKeyRef") != null)
        .collect(
            Collectors.toMap(v -> (String) v.get("name"), v -> at(v, "valueFrom.secretKeyRef")));
  }

  private static Object volume(Map<String, Object> pod, String name) {
    return list(pod.get("volumes")).stream()
        .map(DeployFiles::map)
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow();
  }
}
