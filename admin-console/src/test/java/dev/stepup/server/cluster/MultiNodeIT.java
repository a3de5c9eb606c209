package dev.stepup.server.cluster;

import static dev.stepup.server.cluster.ClusterUsers.ENV;
import static dev.stepup.server.cluster.ClusterUsers.atOnce;
import static dev.stepup.server.cluster.ClusterUsers.introspect;
import static dev.stepup.server.cluster.ClusterUsers.issue;
import static dev.stepup.server.cluster.ClusterUsers.signedInUser;
import static dev.stepup.server.cluster.ClusterUsers.verifyCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.adapter.out.persistence.Migrations;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.cluster.ClusterUsers.SignedIn;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Three nodes on one PostgreSQL behind a load balancer without sticky sessions (see {@link
 * Cluster}): what users and host backends see when consecutive requests land on different nodes.
 * The node that runs the jobs is killed last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__");

  private static Cluster cluster;
  private static ApiClient proxy;
  private static ClusterChecks checks;

  /** A failed test shows what the nodes logged (their whole output is in target/cluster). */
  @RegisterExtension
  static final TestWatcher NODE_OUTPUT =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (cluster != null) {
            cluster.printOutputTails(80);
          }
        }
      };

  @BeforeAll
  static void cluster() {
    cluster = Cluster.start();
    proxy = new ApiClient(cluster.proxy.port());
    checks = new ClusterChecks(cluster);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.stop();
    }
  }

  private static ApiClient direct(int node) {
    return new ApiClient(cluster.node(node).port());
  }

  @Test
  @Order(1)
  void nodesStartedTogetherOnAnEmptyDatabaseMigrateOnceAndBootstrapOnce() throws Exception {
    for (int n = 1; n <= Cluster.NODES; n++) {
      ApiClient.Answer health = direct(n).get("/actuator/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.text("status")).isEqualTo("UP");
    }
    Set<Integer> shipped = new TreeSet<>();
    // SQL migrations and Java ones, wherever the server tells Flyway to look.
    for (String location : Migrations.LOCATIONS) {
      for (Resource r :
          new PathMatchingResourcePatternResolver()
              .getResources(location.replace("classpath:", "classpath*:") + "/V*.*")) {
        Matcher v = VERSION.matcher(r.getFilename());
        assertThat(v.lookingAt()).isTrue();
        shipped.add(Integer.parseInt(v.group(1)));
      }
    }
    List<String> applied =
        cluster
            .jdbc
            .sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success")
            .query(String.class)
            .list();
    assertThat(applied).doesNotHaveDuplicates();
    assertThat(applied.stream().map(Integer::parseInt).toList())
        .containsExactlyInAnyOrderElementsOf(shipped);
    assertThat(checks.count("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"))
        .isZero();
    assertThat(checks.count("SELECT COUNT(*) FROM admin_accounts")).isEqualTo(1);
    assertThat(checks.count("SELECT COUNT(*) FROM environments WHERE id = 'demo'")).isEqualTo(1);
    assertThat(checks.count("SELECT COUNT(*) FROM api_keys WHERE environment_id = 'demo'"))
        .isEqualTo(1);
    assertThat(checks.count("SELECT COUNT(*) FROM audit_trail WHERE type = 'bootstrap'"))
        .isEqualTo(1);
    // The operator is told the first-start details once, by the node that bootstrapped.
    assertThat(cluster.nodes.stream().filter(n -> n.output().contains("first start")).count())
        .isEqualTo(1);
    for (Node node : cluster.nodes) {
      assertThat(node.output()).as(node.name()).doesNotContain("Application run failed");
    }
  }

  @Test
  @Order(2)
  void fiftyConcurrentConsumptionsOfOneTokenOverAllNodesSucceedOnce() throws Exception {
    SignedIn user = signedInUser(proxy);
    String token = issue(proxy, user, "wallet:export");

    List<ApiClient.Answer> answers =
        atOnce(50, i -> introspect(new ApiClient(cluster.proxy.port()), token, true));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    assertThat(answers).filteredOn(a -> a.json().get("active").asBoolean()).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> !a.json().get("active").asBoolean())
        .hasSize(49)
        .allSatisfy(a -> assertThat(a.raw().body()).isEqualTo("{\"active\":false}"));
    assertThat(servedBy(answers)).hasSize(Cluster.NODES);
  }

  @Test
  @Order(3)
  void fiftyConcurrentExportsWithOneTokenOverAllNodesExportOnce() throws Exception {
    SignedIn user = signedInUser(proxy);
    String token = issue(proxy, user, "wallet:export");

    List<ApiClient.Answer> answers =
        atOnce(
            50,
            i ->
                new ApiClient(cluster.proxy.port())
                    .post(
                        ENV + "/wallets/" + user.wallet() + "/export",
                        user.session(),
                        Map.of(),
                        Map.of("X-Elevated-Access-Token", token)));

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 200)
        .hasSize(49)
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.code()).isEqualTo("token_consumed");
            });
    assertThat(servedBy(answers)).hasSize(Cluster.NODES);
  }

  @Test
  @Order(4)
  void anEmailedCodeVerifiedAtOnceOnAllNodesWorksOnce() throws Exception {
    SignedIn user = signedInUser(proxy);
    assertThat(proxy.post(ENV + "/step-up/otp/send", user.session(), Map.of()).status())
        .isEqualTo(200);
    String code = cluster.mailedCode(user.email(), 0);

    List<ApiClient.Answer> answers =
        atOnce(12, i -> verifyCode(new ApiClient(cluster.proxy.port()), user, code));

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 200)
        .allSatisfy(a -> assertThat(a.code()).isIn("invalid_code", "too_many_attempts"));
    assertThat(servedBy(answers)).hasSize(Cluster.NODES);
  }

  @Test
  @Order(5)
  void wrongCodesOverAllNodesLockAtTheSameCountAsOnOneNode() {
    List<String> overAllNodes = ClusterUsers.wrongCodesUntilLocked(cluster, proxy);
    List<String> onOneNode = ClusterUsers.wrongCodesUntilLocked(cluster, direct(1));

    assertThat(onOneNode).last().isEqualTo("429 too_many_attempts");
    assertThat(overAllNodes).isEqualTo(onOneNode);
  }

  @Test
  @Order(5)
  void parallelSendsForOneSessionOverAllNodesSendOneCode() throws Exception {
    SignedIn user = signedInUser(proxy);

    List<ApiClient.Answer> answers =
        atOnce(
            9,
            i ->
                new ApiClient(cluster.proxy.port())
                    .post(ENV + "/step-up/otp/send", user.session(), Map.of()));

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 200)
        .hasSize(8)
        .allSatisfy(a -> assertThat(a.code()).isEqualTo("too_many_attempts"));
    assertThat(servedBy(answers)).hasSize(Cluster.NODES);
    cluster.mailedCode(user.email(), 0);
    Cluster.sleep(1_500); // time for a second mail to arrive, so "one" means it
    assertThat(cluster.codesTo(user.email())).hasSize(1);
  }

  @Test
  @Order(5)
  void messagesQueuedOnAllNodesAtOnceAreEachMailedOnce() throws Exception {
    List<SignedIn> users = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      users.add(signedInUser(proxy));
    }

    List<ApiClient.Answer> sent =
        atOnce(
            users.size(),
            i ->
                new ApiClient(cluster.proxy.port())
                    .post(ENV + "/step-up/otp/send", users.get(i).session(), Map.of()));

    assertThat(sent).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    users.forEach(u -> cluster.mailedCode(u.email(), 0));
    Cluster.sleep(1_500);
    assertThat(users).allSatisfy(u -> assertThat(cluster.codesTo(u.email())).hasSize(1));
  }

  @Test
  @Order(6)
  void aTokenSignedByOneNodeVerifiesOnEveryNodeAndThroughEveryNodesJwks() throws Exception {
    SignedIn user = signedInUser(proxy);
    String token = issue(direct(1), user, "wallet:export");

    checks.assertVerifiesEverywhere(token);
  }

  @Test
  @Order(7)
  void aRotationDueOnTwoNodesAtOnceEndsWithOneNewKeyAndEveryTokenStillVerifies() throws Exception {
    SignedIn user = signedInUser(proxy);
    String before = issue(direct(1), user, "wallet:export");
    String oldKey = checks.currentKeyId();
    long generation = checks.generation();
    long keys = checks.count("SELECT COUNT(*) FROM signing_keys");
    // The current key reaches the end of its period (30 days): every node rotates at its next
    // signature once it has re-read the key (within 5 s).
    cluster
        .jdbc
        .sql("UPDATE signing_keys SET created_at = ? WHERE key_id = ?")
        .params(java.time.OffsetDateTime.now().minusDays(31), oldKey)
        .update();
    Cluster.sleep(5_500);

    List<String> rotating =
        atOnce(8, i -> issue(direct(1 + i % 2), user, "wallet:export")); // nodes 1 and 2

    assertThat(checks.generation()).isEqualTo(generation + 1);
    assertThat(checks.count("SELECT COUNT(*) FROM signing_keys")).isEqualTo(keys + 1);
    assertThat(checks.count("SELECT COUNT(*) FROM signing_keys WHERE retired_at IS NULL"))
        .isEqualTo(1);
    String newKey = checks.currentKeyId();
    assertThat(newKey).isNotEqualTo(oldKey);
    List<String> after = new ArrayList<>(rotating);
    for (int n = 1; n <= Cluster.NODES; n++) {
      after.add(issue(direct(n), user, "wallet:export"));
    }
    assertThat(after).allSatisfy(t -> assertThat(ClusterChecks.keyId(t)).isEqualTo(newKey));
    assertThat(ClusterChecks.keyId(before)).isEqualTo(oldKey);
    checks.assertVerifiesEverywhere(before);
    for (String t : after) {
      checks.assertVerifiesEverywhere(t);
    }
  }

  @Test
  @Order(8)
  void aHostedStepUpWhoseRequestsAlternateNodesSignsInStepsUpAndExports() {
    String email = signedInUser(proxy).email();
    String wallet = "/hosted/demo/wallet";
    String stepUp = "?scope=wallet:export&returnTo=" + wallet;
    ClusterBrowser browser = new ClusterBrowser(cluster.proxy.port());

    assertThat(browser.get("/hosted/demo/sign-in?returnTo=" + wallet).statusCode()).isEqualTo(200);
    HttpResponse<String> sent = browser.post("/hosted/demo/sign-in/code", Map.of("email", email));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).contains("a code is on its way");
    HttpResponse<String> signedIn =
        browser.post(
            "/hosted/demo/sign-in/verify",
            Map.of("email", email, "code", cluster.mailedCode(email, 0), "returnTo", wallet));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).contains(wallet);

    HttpResponse<String> choose = browser.get("/hosted/demo/step-up" + stepUp);
    assertThat(choose.statusCode()).as(choose.body()).isEqualTo(200);
    assertThat(choose.body()).contains("Send code");
    Map<String, String> scope = Map.of("scope", "wallet:export", "returnTo", wallet);
    HttpResponse<String> codeSent = browser.post("/hosted/demo/step-up/otp/send", scope);
    assertThat(codeSent.statusCode()).as(codeSent.body()).isEqualTo(200);
    Map<String, String> withCode = new java.util.HashMap<>(scope);
    withCode.put("code", cluster.mailedCode(email, 1));
    HttpResponse<String> verified = browser.post("/hosted/demo/step-up/otp/verify", withCode);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(303);
    assertThat(verified.headers().firstValue("Location")).contains(wallet);

    HttpResponse<String> walletPage = browser.get(wallet);
    assertThat(walletPage.body()).contains("Export private key");
    HttpResponse<String> exported = browser.post("/hosted/demo/wallet/export", Map.of());
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    assertThat(exported.body()).containsPattern("0x[0-9a-f]{64}");

    List<String> nodes = browser.servedBy();
    for (int i = 1; i < nodes.size(); i++) {
      assertThat(nodes.get(i)).as("request %d of %s", i, nodes).isNotEqualTo(nodes.get(i - 1));
    }
  }

  @Test
  @Order(9)
  void aNodeWithoutAMasterKeyOrWithAnotherOneRefusesToStartAndSaysWhy() {
    Node keyless = cluster.startNode("refused-no-key", null);
    Node stranger = cluster.startNode("refused-other-key", Cluster.randomKey());

    int keylessExit = keyless.awaitExit(Duration.ofMinutes(3));
    int strangerExit = stranger.awaitExit(Duration.ofMinutes(3));

    assertThat(keylessExit).as(keyless.output()).isNotZero();
    assertThat(keyless.output())
        .contains("no master key is configured for a shared database")
        .contains("stepup.master-key (STEPUP_MASTER_KEY")
        .contains("stepup.master-key-file");
    // Refused before anything was set up: no key of its own was generated.
    assertThat(Files.exists(Path.of("target", "cluster", "refused-no-key", "master.key")))
        .isFalse();

    assertThat(strangerExit).as(stranger.output()).isNotZero();
    assertThat(stranger.output())
        .contains("The master key does not open this database")
        .contains("stepup.previous-master-keys");
    // What the cluster serves is untouched: the other key sealed nothing over the cluster's.
    assertThat(cluster.jdbc.sql("SELECT COUNT(*) FROM sealed_keys").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  @Order(100)
  void whenTheNodeRunningThePurgeDiesAnotherTakesOverAndMessagesStillGoOut() throws Exception {
    checks.seedDeadAuditEvents(6000);
    String holder = checks.purgeHolderWhileDeadRowsRemain();
    String nodeName = holder.substring(0, holder.lastIndexOf('-'));
    Node dying = cluster.nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst().get();

    dying.kill();

    assertThat(checks.leaseHolder()).as("the dead node still holds the lease").isEqualTo(holder);
    assertThat(checks.deadRows()).as("work left for another node").isPositive();
    Instant deadline = Instant.now().plusSeconds(30);
    while (checks.deadRows() > 0 && Instant.now().isBefore(deadline)) {
      Cluster.sleep(200);
    }
    assertThat(checks.deadRows()).as("dead rows left 30 s after the holder died").isZero();

    // Users keep being served: the balancer drops the dead node, codes are still mailed.
    for (int i = 0; i < Cluster.NODES; i++) {
      SignedIn user = signedInUser(proxy);
      assertThat(proxy.post(ENV + "/step-up/otp/send", user.session(), Map.of()).status())
          .isEqualTo(200);
      String code = cluster.mailedCode(user.email(), 0);
      assertThat(verifyCode(proxy, user, code).status()).isEqualTo(200);
    }
    assertThat(cluster.proxy.inRotation()).doesNotContain(nodeName).hasSize(Cluster.NODES - 1);
  }

  private static Set<String> servedBy(List<ApiClient.Answer> answers) {
    Set<String> nodes = new HashSet<>();
    answers.forEach(a -> nodes.add(a.header(RoundRobinProxy.SERVED_BY)));
    return nodes;
  }
}
