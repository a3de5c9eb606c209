package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.client.AuditChain;
import dev.stepup.client.AuditChainExport;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.ChainExports;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A host backend verifies its environment's audit chain through the API and re-verifies the export
 * itself; a record changed in the database is named; keys without {@code audit:read} or of another
 * environment get nothing.
 */
class AuditChainApiIT extends ApiTestServer {

  @Autowired CreateApiKeyUseCase apiKeys;

  @Test
  void aHostBackendVerifiesTheChainAndTheExportWithoutTheServer() throws Exception {
    signIn(newUser(), null);
    ApiClient.Answer chain = sealed();
    assertThat(chain.json().get("intact").asBoolean()).isTrue();
    assertThat(chain.json().get("checked").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(chain.json().has("break")).isFalse();

    ApiClient.Answer export = api.get(ENV + "/audit/chain/export", API_KEY);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("application/x-ndjson");
    List<JsonNode> lines = ChainExports.lines(export.raw().body());
    assertThat(lines).allMatch(l -> l.get("chain").asString().equals("demo"));
    // The export reaches at least the head verified above (more may have been sealed since).
    assertThat(
            ChainExports.recomputedHead(
                lines.subList(0, (int) chain.json().get("checked").asLong())))
        .isEqualTo(chain.json().get("headHash").asString());
  }

  @Test
  void aRecordChangedAfterItWasSealedIsNamed() {
    signIn(newUser(), null);
    sealed();
    long id = newestSealed();
    String type =
        jdbc.sql("SELECT type FROM audit_events WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE audit_events SET type = 'admin_sign_in' WHERE id = ?").param(id).update();
    try {
      JsonNode verdict = api.get(ENV + "/audit/chain", API_KEY).json();
      assertThat(verdict.get("intact").asBoolean()).isFalse();
      assertThat(verdict.get("break").get("recordId").asLong()).isEqualTo(id);
      assertThat(verdict.get("break").get("kind").asString()).isEqualTo("altered");
    } finally {
      jdbc.sql("UPDATE audit_events SET type = ? WHERE id = ?").params(type, id).update();
    }
    assertThat(api.get(ENV + "/audit/chain", API_KEY).json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void theJavaClientVerifiesTheExportItselfAndRefusesATamperedOne() {
    StepUpClient client =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .environment("demo")
            .apiKey(API_KEY)
            .build();
    signIn(newUser(), null);
    String head = sealed().json().get("headHash").asString();
    AuditChain chain = client.auditChain();
    assertThat(chain.intact()).isTrue();
    AuditChainExport export = client.exportAuditChain();
    assertThat(export.records()).extracting(r -> r.get("hash")).contains(head);

    long id = newestSealed();
    String ip =
        jdbc.sql("SELECT client_ip FROM audit_events WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE audit_events SET client_ip = '198.51.100.1' WHERE id = ?").param(id).update();
    try {
      assertThatThrownBy(client::exportAuditChain)
          .isInstanceOf(StepUpException.class)
          .hasMessageContaining("record " + id)
          .extracting(e -> ((StepUpException) e).code())
          .isEqualTo("audit_chain_broken");
      assertThat(client.auditChain().firstBreak().orElseThrow().recordId()).isEqualTo(id);
    } finally {
      jdbc.sql("UPDATE audit_events SET client_ip = ? WHERE id = ?").params(ip, id).update();
    }
  }

  @Test
  void keysWithoutThePermissionOrOfNoEnvironmentReadNothing() {
    String introspectOnly =
        apiKeys
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    new EnvironmentId("demo"),
                    "no audit",
                    Set.of(ApiPermission.TOKENS_INTROSPECT),
                    Optional.empty(),
                    "test",
                    new RequestOrigin("127.0.0.1", "test")))
            .secret();
    ApiClient.Answer refused = api.get(ENV + "/audit/chain/export", introspectOnly);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("insufficient_permission");
    assertThat(refused.raw().body()).doesNotContain("\"hash\"");
    assertThat(api.get(ENV + "/audit/chain", "sk_demo_" + "x".repeat(40)).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/environments/other/audit/chain", API_KEY).status()).isEqualTo(401);
  }

  private long newestSealed() {
    return jdbc.sql(
            "SELECT id FROM audit_events WHERE environment_id = 'demo'"
                + " AND chain_seq IS NOT NULL ORDER BY chain_seq DESC FETCH FIRST 1 ROWS ONLY")
        .query(Long.class)
        .single();
  }

  /**
   * The chain once every record written so far is sealed (sealing runs every 100 ms by default).
   */
  private ApiClient.Answer sealed() {
    ApiClient.Answer chain = api.get(ENV + "/audit/chain", API_KEY);
    for (int i = 0; i < 100 && chain.json().get("unsealed").asLong() > 0; i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      chain = api.get(ENV + "/audit/chain", API_KEY);
    }
    assertThat(chain.status()).isEqualTo(200);
    assertThat(chain.json().get("unsealed").asLong()).isZero();
    return chain;
  }
}
