package dev.stepup.server.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings this server reads, as environment variable names: Spring Boot's own (its
 * configuration metadata), every {@code @ConfigurationProperties} record of the server, and every
 * {@code ${…}} placeholder in the main sources and application*.yml (the {@code @Value}s).
 */
final class ServerSettings {

  private final Set<String> exact = new HashSet<>();
  private final Set<String> mapPrefixes = new HashSet<>();

  private ServerSettings() {}

  static ServerSettings read() {
    ServerSettings settings = new ServerSettings();
    settings.readBootMetadata();
    settings.readPropertiesRecords();
    settings.readPlaceholders();
    return settings;
  }

  /** Whether the variable sets a setting the server reads. */
  boolean reads(String environmentVariable) {
    return exact.contains(environmentVariable)
        || mapPrefixes.stream().anyMatch(p -> environmentVariable.startsWith(p + "_"));
  }

  /** STEPUP_MASTER_KEY_FILE for stepup.master-key-file (Spring Boot's relaxed binding). */
  static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private void add(String property) {
    if (!property.contains("[") && !property.contains("*")) {
      exact.add(environmentName(property));
    }
  }

  private void readBootMetadata() {
    JsonMapper json = JsonMapper.builder().build();
    try {
      Enumeration<URL> all =
          getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
      while (all.hasMoreElements()) {
        try (InputStream in = all.nextElement().openStream()) {
          for (JsonNode p : json.readTree(in).path("properties")) {
            String name = p.path("name").asString();
            add(name);
            if (p.path("type").asString().startsWith("java.util.Map")) {
              mapPrefixes.add(environmentName(name));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readPropertiesRecords() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (var candidate : scanner.findCandidateComponents("dev.stepup")) {
      try {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        addComponents(prefix, type);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A record's components, kebab-case, into nested records (lists of records are indexed). */
  private void addComponents(String prefix, Class<?> type) {
    if (!type.isRecord()) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String name = prefix + "." + kebab(c.getName());
      if (c.getType().isRecord()) {
        addComponents(name, c.getType());
      } else if (!listOfRecords(c.getGenericType())) {
        add(name);
      }
    }
  }

  private static boolean listOfRecords(Type type) {
    return type instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord();
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)");

  /** The server's own modules (not clients, examples or benchmarks). */
  private static final List<String> SERVER_MODULES =
      List.of(
          "domain",
          "application",
          "adapters-persistence",
          "adapters-crypto",
          "adapters-messaging",
          "adapters-web",
          "admin-console");

  private void readPlaceholders() {
    Path repository = DeployFiles.root().getParent();
    for (String module : SERVER_MODULES) {
      try (Stream<Path> files = Files.walk(repository.resolve(module).resolve("src/main"))) {
        for (Path f : files.filter(ServerSettings::sourceOrSettings).toList()) {
          Matcher m = PLACEHOLDER.matcher(Files.readString(f));
          while (m.find()) {
            add(m.group(1));
          }
          if (f.getFileName().toString().endsWith(".yml")) {
            addYamlKeys("", new Yaml().load(Files.readString(f)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static boolean sourceOrSettings(Path f) {
    String name = f.getFileName().toString();
    return name.endsWith(".java") || name.matches("application[^/]*\\.yml");
  }

  private void addYamlKeys(String prefix, Object node) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> addYamlKeys(prefix.isEmpty() ? "" + k : prefix + "." + k, v));
    } else if (!(node instanceof List<?>)) {
      add(prefix);
    }
  }

  /** The probe paths application.yml turns on, under actuator's base path. */
  static List<String> probePaths() {
    Map<String, Object> yml =
        new Yaml().load(DeployFiles.text("../admin-console/src/main/resources/application.yml"));
    Object enabled = DeployFiles.at(yml, "management.endpoint.health.probes.enabled");
    if (!Boolean.TRUE.equals(enabled)) {
      return List.of();
    }
    Object base = DeployFiles.at(yml, "management.endpoints.web.base-path");
    String prefix = base == null ? "/actuator" : base.toString();
    return List.of(prefix + "/health/liveness", prefix + "/health/readiness");
  }
}
