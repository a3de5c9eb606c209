package dev.stepup.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server started as its own process, as an operator would run it, and stopped at the end. */
final class ServerProcess implements AutoCloseable {

  private final String name;
  private final Process process;

  private ServerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  static ServerProcess start(
      String name, List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ServerProcess(name, builder.start());
  }

  /** Waits until {@code url} answers 200, or fails after {@code patience}. */
  ServerProcess awaitReady(String url, Duration patience) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " was not ready within " + patience);
  }

  /**
   * CPU time the process and its children (e.g. the JVM a launcher script starts) have used so far:
   * divided by the requests of a run it is a per-request cost that does not depend on how much CPU
   * the load generator or anything else took from the server meanwhile.
   */
  Duration cpu() {
    Duration own = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    return process
        .descendants()
        .map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(own, Duration::plus);
  }

  /** CPU time the JIT compiler threads of the process and its children have used so far. */
  Duration compilerCpu() {
    return JitCompilers.cpu(process.toHandle());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }
}
