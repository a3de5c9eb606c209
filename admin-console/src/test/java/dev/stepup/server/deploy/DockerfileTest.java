package dev.stepup.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What deploy/Dockerfile promises an operator, read from the file: an unprivileged fixed user, the
 * production profile, both ports exposed, a heap sized from the container's memory, and java as the
 * process that receives SIGTERM. (DeploymentImageIT checks its layers against the built jar.)
 */
class DockerfileTest {

  private final DeployFiles.Dockerfile image = DeployFiles.dockerfile();

  @Test
  void runsAsAFixedUnprivilegedUser() {
    assertThat(image.user())
        .as("numeric uid:gid, so runAsNonRoot can verify it")
        .matches("\\d+:\\d+");
    assertThat(Integer.parseInt(image.user().split(":")[0])).isPositive();
    assertThat(Integer.parseInt(image.user().split(":")[1])).isPositive();
  }

  @Test
  void startsInTheProductionProfileWithBothPortsExposed() {
    assertThat(image.env()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
    assertThat(image.exposed())
        .containsExactlyInAnyOrder(
            Integer.valueOf(image.env().get("SERVER_PORT")),
            Integer.valueOf(image.env().get("MANAGEMENT_SERVER_PORT")));
    assertThat(image.env().get("SERVER_PORT"))
        .isNotEqualTo(image.env().get("MANAGEMENT_SERVER_PORT"));
  }

  @Test
  void sizesTheHeapFromTheContainersMemoryAndLetsJavaReceiveTheStopSignal() {
    assertThat(image.env().get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
    assertThat(image.entrypoint())
        .as("exec form: java is PID 1")
        .isEqualTo("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
  }
}
