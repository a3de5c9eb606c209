package dev.stepup.server.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three nodes in JVMs of their own on one embedded PostgreSQL, behind a round-robin proxy, mailing
 * to a GreenMail in this JVM. Started once for all the cluster tests and stopped after them, so the
 * idle nodes do not slow the tests that come later.
 */
final class Cluster {

  static final String API_KEY = "sk_demo_" + "c".repeat(40);
  static final String ADMIN_PASSWORD = "cluster admin password";
  static final String ENV = "/api/v1/environments/demo";
  static final int NODES = 3;

  private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
  final EmbeddedPostgres postgres;
  final String jdbcUrl;
  final JdbcClient jdbc;
  final GreenMail smtp;
  final String masterKey = randomKey();
  final int proxyPort = Node.freePort();
  final List<Node> nodes = new ArrayList<>();
  final Duration startedIn;
  RoundRobinProxy proxy;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /**
   * Starts the cluster; a failure to start throws (the tests fail, in CI or not, never skip). The
   * nodes are stopped by {@link #stop()}, or when this JVM ends.
   */
  static Cluster start() {
    Cluster cluster = new Cluster();
    System.out.println(NODES + " nodes on PostgreSQL started in " + cluster.startedIn);
    return cluster;
  }

  private Cluster() {
    Instant begun = Instant.now();
    deleteTree(Path.of("target", "cluster")); // the outputs and data directories of an earlier run
    try {
      postgres = EmbeddedPostgres.builder().start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE stepup");
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
    jdbcUrl = postgres.getJdbcUrl("postgres", "stepup");
    jdbc = JdbcClient.create(postgres.getDatabase("postgres", "stepup"));
    smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
    smtp.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "cluster-stop"));
    // All at once against the empty database: each races to migrate and bootstrap.
    for (int i = 1; i <= NODES; i++) {
      nodes.add(startNode("node-" + i, masterKey));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    for (Node node : nodes) {
      node.awaitHealthy(deadline);
    }
    proxy = new RoundRobinProxy(proxyPort, nodes);
    startedIn = Duration.between(begun, Instant.now());
  }

  /** A node of this cluster's database and mail; {@code key} null: no master key configured. */
  Node startNode(String name, String key) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--stepup.data-dir=" + Path.of("target", "cluster", name).toAbsolutePath(),
                "--stepup.node-name=" + name,
                // One issuer for the cluster: the address its clients know (the proxy).
                "--stepup.issuer=http://localhost:" + proxyPort,
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--stepup.delivery.poll-interval=250ms",
                // The purge runs often, renews its lease per row and loses it 3 s after its
                // holder dies, so the test of a dead holder takes seconds, not minutes.
                "--stepup.purge.interval=1s",
                "--stepup.purge.lease=3s",
                "--stepup.purge.batch-size=1",
                "--logging.level.root=WARN",
                "--logging.level.dev.stepup=INFO"));
    if (key != null) {
      arguments.add("--stepup.master-key=" + key);
    }
    return Node.start(
        name,
        Node.freePort(),
        arguments,
        Map.of(
            "STEPUP_BOOTSTRAP_DEMO_API_KEY", API_KEY,
            "STEPUP_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
  }

  Node node(int number) {
    return nodes.get(number - 1);
  }

  /** The latest code mailed to this address, waiting (bounded) for it to arrive. */
  String mailedCode(String address, int codesBefore) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      List<String> codes = codesTo(address);
      if (codes.size() > codesBefore) {
        return codes.get(codes.size() - 1);
      }
      sleep(100);
    }
    throw new AssertionError("no new code was mailed to " + address);
  }

  /** The codes mailed to this address so far, oldest first (security notices left out). */
  List<String> codesTo(String address) {
    List<String> codes = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      try {
        Matcher code = SIX_DIGITS.matcher(GreenMailUtil.getBody(m));
        if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
            && code.find()) {
          codes.add(code.group(1));
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return codes;
  }

  /** The last lines each node printed, to the test's error output. */
  void printOutputTails(int lines) {
    for (Node node : nodes) {
      List<String> all = node.output().lines().toList();
      System.err.println("---- last lines of " + node.name() + " (alive: " + node.alive() + ")");
      all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
    }
  }

  /** Stops the proxy, the nodes, the mail server and PostgreSQL; once. */
  void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    if (proxy != null) {
      proxy.close();
    }
    nodes.forEach(Node::close);
    smtp.stop();
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The JVM is ending; the bundled server's files are temporary.
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
