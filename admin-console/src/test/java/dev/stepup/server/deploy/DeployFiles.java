package dev.stepup.server.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads the operators' files under {@code deploy/} as an operator's tools would. */
final class DeployFiles {

  private DeployFiles() {}

  /** {@code deploy/} of the repository (tests run in the admin-console module's directory). */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/Dockerfile"))) {
        return dir.resolve("deploy");
      }
    }
    throw new IllegalStateException("no deploy/Dockerfile above " + Path.of("").toAbsolutePath());
  }

  static String text(String relative) {
    try {
      return Files.readString(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML file (a file may hold several, separated by {@code ---}). */
  static List<Map<String, Object>> documents(Path file) {
    try {
      List<Map<String, Object>> all = new ArrayList<>();
      for (Object doc : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
        if (doc != null) {
          all.add(map(doc));
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML file under {@code deploy/}. */
  static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> compose() {
    return documents(root().resolve("compose.yaml")).get(0);
  }

  /** The compose services built from deploy/Dockerfile: the step-up nodes, by name. */
  static Map<String, Map<String, Object>> composeNodes() {
    Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
    map(compose().get("services"))
        .forEach(
            (name, service) -> {
              Object build = map(service).get("build");
              if (build != null && "deploy/Dockerfile".equals(map(build).get("dockerfile"))) {
                nodes.put(name, map(service));
              }
            });
    return nodes;
  }

  /** The Kubernetes objects of deploy/k8s of one kind. */
  static List<Map<String, Object>> kubernetes(String kind) {
    try (Stream<Path> files = Files.list(root().resolve("k8s"))) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .flatMap(f -> documents(f).stream())
          .filter(doc -> kind.equals(doc.get("kind")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> onlyKubernetes(String kind) {
    List<Map<String, Object>> all = kubernetes(kind);
    if (all.size() != 1) {
      throw new AssertionError("expected one " + kind + " in deploy/k8s, found " + all.size());
    }
    return all.get(0);
  }

  /** The final stage of deploy/Dockerfile: its ENV, USER, EXPOSE, COPY and RUN lines. */
  static Dockerfile dockerfile() {
    return Dockerfile.parse(text("Dockerfile"));
  }

  record Dockerfile(
      Map<String, String> env,
      String user,
      List<Integer> exposed,
      List<String> copiedFromLayers,
      String extractCommand,
      String entrypoint) {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");

    static Dockerfile parse(String text) {
      // Continuation lines joined, comments dropped: one instruction per line.
      List<String> lines = new ArrayList<>();
      for (String line : text.replace("\\\n", " ").split("\n")) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          lines.add(line.strip());
        }
      }
      Map<String, String> env = new LinkedHashMap<>();
      String user = null;
      List<Integer> exposed = new ArrayList<>();
      List<String> copied = new ArrayList<>();
      String extract = null;
      String entrypoint = null;
      for (String line : lines) {
        String rest = line.substring(line.indexOf(' ') + 1).strip();
        switch (line.split("\\s+")[0]) {
          case "ENV" -> {
            Matcher pair = ENV_PAIR.matcher(rest);
            while (pair.find()) {
              env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
            }
          }
          case "USER" -> user = rest;
          case "EXPOSE" ->
              Stream.of(rest.split("\\s+")).map(Integer::valueOf).forEach(exposed::add);
          case "COPY" -> {
            if (rest.startsWith("--from=layers ")) {
              copied.add(rest.split("\\s+")[1]);
            }
          }
          case "RUN" -> {
            if (rest.contains("-Djarmode=tools")) {
              extract = rest;
            }
          }
          case "ENTRYPOINT" -> entrypoint = rest;
          default -> {}
        }
      }
      return new Dockerfile(env, user, exposed, copied, extract, entrypoint);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }

  /** {@code a.b.c} in nested maps, or null. */
  static Object at(Map<String, Object> root, String path) {
    Object here = root;
    for (String key : path.split("\\.")) {
      if (!(here instanceof Map<?, ?> m)) {
        return null;
      }
      here = m.get(key);
    }
    return here;
  }
}
