package dev.stepup.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every YAML file under deploy/ parses, and says what it is. */
class DeployYamlTest {

  @Test
  void everyYamlFileUnderDeployParsesAsComposeOrKubernetesObjects() {
    List<Path> files = DeployFiles.yamlFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path file : files) {
      List<Map<String, Object>> documents = DeployFiles.documents(file);
      assertThat(documents).as(file.toString()).isNotEmpty();
      for (Map<String, Object> doc : documents) {
        if (file.getFileName().toString().equals("compose.yaml")) {
          assertThat(doc).containsKey("services");
        } else {
          assertThat(doc).as(file.toString()).containsKeys("apiVersion", "kind");
          if (!"Kustomization".equals(doc.get("kind"))) {
            assertThat(DeployFiles.at(doc, "metadata.name")).as(file.toString()).isNotNull();
          }
        }
      }
    }
  }
}
