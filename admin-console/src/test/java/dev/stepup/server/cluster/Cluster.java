package dev.stepup.server.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three nodes in JVMs of their own on one embedded PostgreSQL, behind a round-robin proxy, mailing
 * to a GreenMail in this JVM: started once, on first use, for every cluster test, and stopped when
 * the JVM ends. A failure to start fails every test that asks for it (never a skip, in CI or not).
 */
final class Cluster {

  static final String API_KEY = "sk_demo_" + "c".repeat(40);
  static final String ADMIN_PASSWORD = "cluster admin password";
  static final String ENV = "/api/v1/environments/demo";
  static final int NODES = 3;

  private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
  private static Cluster shared;
  private static RuntimeException failedToStart;

  final EmbeddedPostgres postgres;
  final String jdbcUrl;
  final JdbcClient jdbc;
  final GreenMail smtp;
  final String masterKey = randomKey();
  final int proxyPort = Node.freePort();
  final List<Node> nodes = new ArrayList<>();
  final Duration startedIn;
  RoundRobinProxy proxy;

  /** The running cluster; started by the first caller. */
  static synchronized Cluster shared() {
    if (failedToStart != null) {
      throw failedToStart;
    }
    if (shared == null) {
      try {
        shared = new Cluster();
      } catch (RuntimeException e) {
        failedToStart = e;
        throw e;
      }
    }
    return shared;
  }

  private Cluster() {
    Instant begun = Instant.now();
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
      nodes.add(start("node-" + i, masterKey));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    for (Node node : nodes) {
      node.awaitHealthy(deadline);
    }
    proxy = new RoundRobinProxy(proxyPort, nodes);
    startedIn = Duration.between(begun, Instant.now());
  }

  /** A node of this cluster's database and mail; {@code key} null: no master key configured. */
  Node start(String name, String key) {
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

  private void stop() {
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
