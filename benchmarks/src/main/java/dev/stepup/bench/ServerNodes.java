package dev.stepup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One or more servers on one store, each its own process with its own port and data folder, all
 * sharing one master key as a cluster must. The first node starts alone (it migrates the store and
 * creates the demo environment); the others join it.
 */
final class ServerNodes implements AutoCloseable {

  private final List<ServerProcess> processes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private ServerNodes() {}

  /**
   * @param dataDirs each node's data folder, by its number from 1 (the first holds an H2 store)
   * @param jvmArguments extra JVM arguments for every node (may be empty)
   * @param serverArguments extra server arguments; {@code {data}} stands for the node's folder
   */
  static ServerNodes start(
      int count,
      Store store,
      IntFunction<Path> dataDirs,
      Path out,
      Path jar,
      List<String> jvmArguments,
      String serverArguments,
      Map<String, String> environment)
      throws Exception {
    ServerNodes nodes = new ServerNodes();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String masterKey = Base64.getEncoder().encodeToString(key);
    try {
      for (int node = 1; node <= count; node++) {
        String label = store.name() + (count > 1 ? "-node" + node : "");
        Path dataDir = Files.createDirectories(dataDirs.apply(node));
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmArguments);
        command.addAll(
            List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--stepup.data-dir=" + dataDir));
        command.add("--stepup.master-key=" + masterKey);
        command.addAll(store.serverArguments());
        if (!serverArguments.isBlank()) {
          command.addAll(
              List.of(serverArguments.replace("{data}", dataDir.toString()).split("\\s+")));
        }
        ServerProcess server =
            ServerProcess.start(
                "step-up server (" + label + ")",
                command,
                environment,
                out.resolve("server-" + label + ".log"));
        nodes.processes.add(server);
        server.awaitReady("http://127.0.0.1:" + port + "/actuator/health", Duration.ofMinutes(2));
        nodes.ports.add(port);
      }
    } catch (Exception failed) {
      nodes.close();
      throw failed;
    }
    return nodes;
  }

  /** Each node's address followed by {@code path}. */
  List<String> urls(String path) {
    return ports.stream().map(port -> "http://127.0.0.1:" + port + path).toList();
  }

  /** CPU time every node has used so far (see {@link ServerProcess#cpu}). */
  Duration cpu() {
    return processes.stream().map(ServerProcess::cpu).reduce(Duration.ZERO, Duration::plus);
  }

  /** CPU time every node's JIT compilers have used so far. */
  Duration compilerCpu() {
    return processes.stream().map(ServerProcess::compilerCpu).reduce(Duration.ZERO, Duration::plus);
  }

  int count() {
    return ports.size();
  }

  @Override
  public void close() throws InterruptedException {
    for (ServerProcess process : processes) {
      process.close();
    }
  }
}
