package dev.stepup.domain.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host backend that may obtain elevated tokens with a JWT signed by its own key (RFC 7523 client
 * assertion) instead of an API key.
 *
 * @param clientId what the backend puts in {@code iss} and {@code sub}
 * @param publicKeys the backend's public keys as a JSON Web Key Set (public parts only)
 */
public record BackendClient(
    EnvironmentId environmentId, String clientId, String publicKeys, Instant registeredAt) {

  /** An assertion may live at most this long past the moment it is presented. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  public BackendClient {
    Objects.requireNonNull(environmentId, "environmentId");
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new IllegalArgumentException(
          "client id: 1-100 letters, digits, dots, dashes, underscores or colons");
    }
    publicKeys = Texts.required(publicKeys, "public keys", 20_000);
    Objects.requireNonNull(registeredAt, "registeredAt");
  }

  /**
   * Whether an assertion whose signature a key of this client verified may be used here (its {@code
   * aud} names one of {@code audiences}): this client's, short-lived, and carrying a {@code jti} to
   * spend.
   */
  public AssertionVerdict judge(AssertionClaims claims, List<String> audiences, Instant now) {
    if (!clientId.equals(claims.issuer()) || !clientId.equals(claims.subject())) {
      return new AssertionVerdict.Refused(AssertionVerdict.Why.WRONG_CLIENT);
    }
    if (claims.audiences().stream().noneMatch(audiences::contains)) {
      return new AssertionVerdict.Refused(AssertionVerdict.Why.WRONG_AUDIENCE);
    }
    if (claims.expiresAt().isEmpty()
        || !claims.expiresAt().get().plus(ExternalIdentityProvider.CLOCK_SKEW).isAfter(now)) {
      return new AssertionVerdict.Refused(AssertionVerdict.Why.EXPIRED);
    }
    Instant latest = now.plus(MAX_LIFETIME).plus(ExternalIdentityProvider.CLOCK_SKEW);
    if (claims.expiresAt().get().isAfter(latest)) {
      return new AssertionVerdict.Refused(AssertionVerdict.Why.LIVES_TOO_LONG);
    }
    if (claims.notBefore().isPresent()
        && claims.notBefore().get().isAfter(now.plus(ExternalIdentityProvider.CLOCK_SKEW))) {
      return new AssertionVerdict.Refused(AssertionVerdict.Why.NOT_YET_VALID);
    }
    if (claims.jti().isBlank() || claims.jti().length() > 200) {
      return new AssertionVerdict.Refused(AssertionVerdict.Why.NO_JTI);
    }
    return new AssertionVerdict.Accepted();
  }
}
