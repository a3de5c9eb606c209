package dev.stepup.domain.externalauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.EnvironmentId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExternalIdentityProviderTest {

  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  static final ExternalIdentityProvider PROVIDER =
      new ExternalIdentityProvider(
          new EnvironmentId("acme"),
          "https://id.example.com",
          URI.create("https://id.example.com/jwks"),
          "acme-app");

  static ExternalTokenClaims claims(String iss, String aud, Instant exp, Instant nbf) {
    return new ExternalTokenClaims(
        iss,
        "user-1",
        List.of(aud),
        Optional.ofNullable(exp),
        Optional.ofNullable(nbf),
        Optional.of("a@example.com"),
        false,
        Optional.empty(),
        false);
  }

  @Test
  void aTokenOfThisIssuerForThisAudienceThatIsValidNowIsAccepted() {
    assertThat(
            PROVIDER.judge(
                claims("https://id.example.com", "acme-app", NOW.plusSeconds(60), NOW), NOW))
        .isInstanceOf(ExchangeVerdict.Accepted.class);
  }

  @Test
  void anotherIssuerAnotherAudienceOrAnExpiredTokenIsRefused() {
    assertThat(
            PROVIDER.judge(
                claims("https://evil.example.com", "acme-app", NOW.plusSeconds(60), null), NOW))
        .isEqualTo(new ExchangeVerdict.Refused(ExchangeVerdict.Why.WRONG_ISSUER));
    assertThat(
            PROVIDER.judge(
                claims("https://id.example.com", "other-app", NOW.plusSeconds(60), null), NOW))
        .isEqualTo(new ExchangeVerdict.Refused(ExchangeVerdict.Why.WRONG_AUDIENCE));
    assertThat(
            PROVIDER.judge(
                claims("https://id.example.com", "acme-app", NOW.minusSeconds(61), null), NOW))
        .isEqualTo(new ExchangeVerdict.Refused(ExchangeVerdict.Why.EXPIRED));
    assertThat(PROVIDER.judge(claims("https://id.example.com", "acme-app", null, null), NOW))
        .isEqualTo(new ExchangeVerdict.Refused(ExchangeVerdict.Why.NO_EXPIRY));
    assertThat(
            PROVIDER.judge(
                claims(
                    "https://id.example.com",
                    "acme-app",
                    NOW.plusSeconds(600),
                    NOW.plusSeconds(61)),
                NOW))
        .isEqualTo(new ExchangeVerdict.Refused(ExchangeVerdict.Why.NOT_YET_VALID));
  }

  @Test
  void aSmallClockSkewIsTolerated() {
    assertThat(
            PROVIDER.judge(
                claims(
                    "https://id.example.com",
                    "acme-app",
                    NOW.minusSeconds(30),
                    NOW.plusSeconds(30)),
                NOW))
        .isInstanceOf(ExchangeVerdict.Accepted.class);
  }

  @Test
  void anUnverifiedEmailIsNotTaken() {
    ExternalTokenClaims unverified = claims("i", "a", NOW, null);
    assertThat(unverified.verifiedEmail()).isEmpty();
    ExternalTokenClaims verified =
        new ExternalTokenClaims(
            "i",
            "s",
            List.of("a"),
            Optional.of(NOW),
            Optional.empty(),
            Optional.of("a@example.com"),
            true,
            Optional.of("+15550100"),
            false);
    assertThat(verified.verifiedEmail()).contains("a@example.com");
    assertThat(verified.verifiedPhoneNumber()).isEmpty();
  }

  @Test
  void keysAreFetchedOnlyOverHttpsOrFromThisMachine() {
    assertThatThrownBy(
            () ->
                new ExternalIdentityProvider(
                    new EnvironmentId("acme"), "i", URI.create("http://id.example.com/jwks"), "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    new ExternalIdentityProvider(
        new EnvironmentId("acme"), "i", URI.create("http://localhost:8080/jwks"), "a");
  }
}
