package dev.stepup.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's first stage, run here without Docker: the jar Maven just built has a layer index, the
 * Dockerfile's own extract command splits it into exactly the directories its COPY lines name, and
 * the launcher the ENTRYPOINT starts and the server's classes are in them. (An IT: the repackaged
 * jar exists only after the package phase.)
 */
class DeploymentImageIT {

  @TempDir Path build;

  @Test
  void theDockerfileCopiesExactlyTheLayersItsExtractCommandMakesFromTheBuiltJar() throws Exception {
    Path jar = builtJar();
    List<String> indexed = layerIndex(jar);
    assertThat(indexed)
        .containsExactly(
            "dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    DeployFiles.Dockerfile image = DeployFiles.dockerfile();
    Files.copy(jar, build.resolve("application.jar"));
    List<String> command = new ArrayList<>(List.of(image.extractCommand().split("\\s+")));
    assertThat(command.get(0)).isEqualTo("java");
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String destination = command.get(command.indexOf("--destination") + 1);
    Process extract =
        new ProcessBuilder(command).directory(build.toFile()).redirectErrorStream(true).start();
    assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(extract.exitValue()).as(output).isZero();

    Path extracted = build.resolve(destination);
    try (Stream<Path> dirs = Files.list(extracted)) {
      assertThat(dirs.map(d -> d.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(indexed);
    }
    // In the order of the index: the layer that changes least is copied (and cached) first.
    assertThat(image.copiedFromLayers())
        .containsExactlyElementsOf(
            indexed.stream().map(l -> "/build/" + destination + "/" + l + "/").toList());

    assertThat(extracted.resolve("spring-boot-loader/" + launcherClassFile(image))).isRegularFile();
    assertThat(
            extracted.resolve(
                "application/BOOT-INF/classes/dev/stepup/server/StepUpServerApplication.class"))
        .isRegularFile();
    try (Stream<Path> libraries = Files.list(extracted.resolve("dependencies/BOOT-INF/lib"))) {
      assertThat(libraries.map(l -> l.getFileName().toString()))
          .anyMatch(l -> l.startsWith("postgresql-"));
    }
  }

  /** admin-console/target/admin-console-*.jar, the repackaged (executable) one. */
  private static Path builtJar() throws IOException {
    Path target = DeployFiles.root().resolveSibling("admin-console/target");
    try (Stream<Path> jars = Files.list(target)) {
      List<Path> found =
          jars.filter(j -> j.getFileName().toString().matches("admin-console-.*\\.jar"))
              .filter(j -> !j.getFileName().toString().endsWith("-tests.jar"))
              .toList();
      assertThat(found).as("the jar the Dockerfile's JAR_FILE names").hasSize(1);
      return found.get(0);
    }
  }

  /** The layer names of BOOT-INF/layers.idx, in order. */
  private static List<String> layerIndex(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      var entry = file.getJarEntry("BOOT-INF/layers.idx");
      assertThat(entry).as("BOOT-INF/layers.idx").isNotNull();
      String index = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      List<String> layers = new ArrayList<>();
      Matcher layer = Pattern.compile("(?m)^- \"([^\"]+)\":").matcher(index);
      while (layer.find()) {
        layers.add(layer.group(1));
      }
      return layers;
    }
  }

  private static String launcherClassFile(DeployFiles.Dockerfile image) {
    Matcher main = Pattern.compile("\"([a-z][\\w.]*\\.[A-Z]\\w*)\"").matcher(image.entrypoint());
    assertThat(main.find()).as("the ENTRYPOINT's main class").isTrue();
    return main.group(1).replace('.', '/') + ".class";
  }
}
