package dev.stepup.domain.externalauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendClientTest {

  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  static final String AUD = "https://stepup.example.com/api/v1/environments/acme/elevated-tokens";
  static final BackendClient CLIENT =
      new BackendClient(new EnvironmentId("acme"), "acme-backend", "{\"keys\":[]}", NOW);

  static AssertionClaims claims(String iss, String sub, String aud, Instant exp, String jti) {
    return new AssertionClaims(
        iss, sub, List.of(aud), Optional.ofNullable(exp), Optional.empty(), jti);
  }

  @Test
  void aShortLivedAssertionOfThisClientForHereIsAccepted() {
    assertThat(
            CLIENT.judge(
                claims("acme-backend", "acme-backend", AUD, NOW.plusSeconds(120), "j1"),
                List.of(AUD),
                NOW))
        .isInstanceOf(AssertionVerdict.Accepted.class);
  }

  @Test
  void anAssertionOfAnotherClientForElsewhereLongLivedExpiredOrWithoutJtiIsRefused() {
    assertThat(
            CLIENT.judge(
                claims("other", "acme-backend", AUD, NOW.plusSeconds(120), "j"), List.of(AUD), NOW))
        .isEqualTo(new AssertionVerdict.Refused(AssertionVerdict.Why.WRONG_CLIENT));
    assertThat(
            CLIENT.judge(
                claims("acme-backend", "someone", AUD, NOW.plusSeconds(120), "j"),
                List.of(AUD),
                NOW))
        .isEqualTo(new AssertionVerdict.Refused(AssertionVerdict.Why.WRONG_CLIENT));
    assertThat(
            CLIENT.judge(
                claims(
                    "acme-backend", "acme-backend", "https://elsewhere", NOW.plusSeconds(120), "j"),
                List.of(AUD),
                NOW))
        .isEqualTo(new AssertionVerdict.Refused(AssertionVerdict.Why.WRONG_AUDIENCE));
    assertThat(
            CLIENT.judge(
                claims("acme-backend", "acme-backend", AUD, NOW.plusSeconds(3600), "j"),
                List.of(AUD),
                NOW))
        .isEqualTo(new AssertionVerdict.Refused(AssertionVerdict.Why.LIVES_TOO_LONG));
    assertThat(
            CLIENT.judge(
                claims("acme-backend", "acme-backend", AUD, NOW.minusSeconds(120), "j"),
                List.of(AUD),
                NOW))
        .isEqualTo(new AssertionVerdict.Refused(AssertionVerdict.Why.EXPIRED));
    assertThat(
            CLIENT.judge(
                claims("acme-backend", "acme-backend", AUD, NOW.plusSeconds(120), ""),
                List.of(AUD),
                NOW))
        .isEqualTo(new AssertionVerdict.Refused(AssertionVerdict.Why.NO_JTI));
  }
}
