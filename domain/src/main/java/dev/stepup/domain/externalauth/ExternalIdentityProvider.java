package dev.stepup.domain.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity provider an environment trusts for token exchange: its JWTs, signed with a key of
 * {@code jwksUrl}, issued by {@code issuer} for {@code audience}, become sessions here.
 *
 * @param issuer the exact {@code iss} the provider's tokens carry
 * @param jwksUrl where the provider publishes its public keys (https; http only on localhost)
 * @param audience the {@code aud} value the provider's tokens must name for this environment
 */
public record ExternalIdentityProvider(
    EnvironmentId environmentId, String issuer, URI jwksUrl, String audience) {

  /** Clocks of the provider and of this server may differ by this much. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  public ExternalIdentityProvider {
    Objects.requireNonNull(environmentId, "environmentId");
    issuer = Texts.required(issuer, "issuer", 255);
    audience = Texts.required(audience, "audience", 255);
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    if (!Texts.isFetchable(jwksUrl)) {
      throw new IllegalArgumentException(
          "JWKS URL: an https URL without fragment (http only on localhost)");
    }
  }

  /**
   * Whether a token whose signature was verified against this provider's keys may be exchanged:
   * issued by this provider, for this environment, and valid now give or take {@link #CLOCK_SKEW}.
   */
  public ExchangeVerdict judge(ExternalTokenClaims claims, Instant now) {
    if (!issuer.equals(claims.issuer())) {
      return ExchangeVerdict.refused(ExchangeVerdict.Why.WRONG_ISSUER);
    }
    if (!claims.audiences().contains(audience)) {
      return ExchangeVerdict.refused(ExchangeVerdict.Why.WRONG_AUDIENCE);
    }
    if (claims.expiresAt().isEmpty()) {
      return ExchangeVerdict.refused(ExchangeVerdict.Why.NO_EXPIRY);
    }
    if (!claims.expiresAt().get().plus(CLOCK_SKEW).isAfter(now)) {
      return ExchangeVerdict.refused(ExchangeVerdict.Why.EXPIRED);
    }
    if (claims.notBefore().isPresent() && claims.notBefore().get().isAfter(now.plus(CLOCK_SKEW))) {
      return ExchangeVerdict.refused(ExchangeVerdict.Why.NOT_YET_VALID);
    }
    if (claims.subject().isBlank() || claims.subject().length() > 255) {
      return ExchangeVerdict.refused(ExchangeVerdict.Why.BAD_SUBJECT);
    }
    return new ExchangeVerdict.Accepted();
  }
}
