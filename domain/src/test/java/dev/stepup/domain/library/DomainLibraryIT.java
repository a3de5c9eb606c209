package dev.stepup.domain.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another server's view of the domain: the README's example, compiled and run against the packaged
 * domain jar alone (not {@code target/classes}, nor this module's test class path), and the sources
 * and Javadoc jars the build ships with it.
 */
class DomainLibraryIT {

  @Test
  void readmeExampleCompilesAndRunsAgainstTheDomainJarAlone(@TempDir Path out) throws Exception {
    Path jar = domainJar();

    compile(StepUpExampleFiles.example(), jar, out);
    String printed = runMain("StepUpExample", jar, out);

    assertThat(printed.replace("\r\n", "\n")).isEqualTo(StepUpExampleFiles.EXPECTED_OUTPUT);
  }

  @Test
  void theBuildShipsTheDomainsSourcesAndJavadoc() throws IOException {
    Path jar = domainJar();
    String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");

    assertThat(entries(jar.resolveSibling(base + "-sources.jar")))
        .contains("dev/stepup/domain/policy/StepUpPolicy.java");
    assertThat(entries(jar.resolveSibling(base + "-javadoc.jar")))
        .contains("index.html", "dev/stepup/domain/policy/StepUpPolicy.html");
  }

  private static void compile(Path source, Path jar, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      // -classpath replaces the default (this JVM's class path): only the jar is visible.
      List<String> options =
          List.of(
              "--release", "17", "-proc:none", "-classpath", jar.toString(), "-d", out.toString());
      boolean compiled =
          javac
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source))
              .call();
      assertThat(compiled).as("javac: %s", diagnostics.getDiagnostics()).isTrue();
    }
  }

  /** Runs {@code main} in a class loader holding the jar and the compiled example, nothing else. */
  private static String runMain(String className, Path jar, Path classes) throws Exception {
    URL[] path = {jar.toUri().toURL(), classes.toUri().toURL()};
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      Class<?> policy = loader.loadClass("dev.stepup.domain.policy.StepUpPolicy");
      assertThat(policy.getProtectionDomain().getCodeSource().getLocation())
          .isEqualTo(jar.toUri().toURL());
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** The jar Maven packaged in this build (Failsafe passes its path; an IDE finds it in target). */
  private static Path domainJar() throws IOException {
    String configured = System.getProperty("domain.jar");
    if (configured != null) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(StepUpExampleFiles.moduleDir().resolve("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("domain-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("package the domain module first"));
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    assertThat(jar).exists();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(e -> e.getName()).toList();
    }
  }
}
