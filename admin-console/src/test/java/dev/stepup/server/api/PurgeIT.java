package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase;
import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase.PurgeResult;
import dev.stepup.domain.retention.DeadData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The purge as an operator runs it (retention 1 hour here): a spent token and an ended session go
 * once their retention passed, live ones stay and keep working, and a purged token stays refused.
 */
class PurgeIT extends ApiTestServer {

  @Autowired PurgeExpiredDataUseCase purge;

  @Test
  void aSpentTokenAndAnEndedSessionGoAfterTheRetentionWhileLiveOnesStay() {
    TestUser user = newUser();
    String ended = signIn(user, user.credential("email"));
    String endedId = sessionIds(user).get(0);
    String spent = stepUpByEmail(ended, user, "wallet:export").text("elevatedAccessToken");
    String wallet = user.credential("blockchain");
    assertThat(export(wallet, ended, spent)).isEqualTo(200);
    assertThat(
            api.delete(ENV + "/users/" + user.id() + "/sessions/" + endedId, API_KEY, Map.of())
                .status())
        .isEqualTo(204);
    List<String> spentRows = tokenIds(endedId);
    assertThat(spentRows).hasSize(1);

    CLOCK.advance(Duration.ofMinutes(80)); // the token expired and the session ended > 1 h ago
    String live = signIn(user, user.credential("email"));
    String liveId = sessionIds(user).get(1);
    String liveToken = stepUpByEmail(live, user, "wallet:sign").text("elevatedAccessToken");

    PurgeResult result = purge.purgeExpiredData();

    assertThat(result.ran()).isTrue();
    assertThat(result.deleted()).containsKeys(DeadData.SESSIONS, DeadData.ELEVATED_TOKENS);
    assertThat(sessionIds(user)).containsExactly(liveId);
    assertThat(tokenIds(endedId)).isEmpty();
    assertThat(tokenIds(liveId)).hasSize(1);
    // What stays still works; what went stays refused.
    assertThat(api.get(ENV + "/me", live).status()).isEqualTo(200);
    assertThat(introspect(liveToken)).isTrue();
    assertThat(introspect(spent)).isFalse();
    assertThat(api.get(ENV + "/me", ended).status()).isEqualTo(401);
    assertThat(export(wallet, ended, spent)).isEqualTo(401);
    // A second run right after finds nothing more of the user's to delete.
    assertThat(purge.purgeExpiredData().deleted()).doesNotContainKey(DeadData.SESSIONS);
    assertThat(sessionIds(user)).containsExactly(liveId);
  }

  private int export(String wallet, String session, String token) {
    return api.post(
            ENV + "/wallets/" + wallet + "/export",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", token))
        .status();
  }

  private boolean introspect(String token) {
    ApiClient.Answer answer =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.json().get("active").asBoolean();
  }

  private List<String> sessionIds(TestUser user) {
    return jdbc.sql("SELECT id FROM sessions WHERE user_id = ? ORDER BY created_at")
        .param(user.id())
        .query(String.class)
        .list();
  }

  private List<String> tokenIds(String sessionId) {
    return jdbc.sql("SELECT id FROM elevated_tokens WHERE session_id = ?")
        .param(sessionId)
        .query(String.class)
        .list();
  }
}
