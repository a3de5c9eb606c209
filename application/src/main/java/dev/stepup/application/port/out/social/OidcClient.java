package dev.stepup.application.port.out.social;

import dev.stepup.domain.social.SocialProvider;
import java.net.URI;
import java.util.Optional;

/** The relying-party side of OpenID Connect's authorization-code flow with PKCE. */
public interface OidcClient {

  /**
   * The provider's authorization endpoint with a code request for {@code openid email}, the {@code
   * state}, the {@code nonce} and the S256 challenge of {@code codeVerifier}.
   *
   * @throws Unavailable when the provider's metadata cannot be read
   */
  URI authorizationRequest(
      SocialProvider provider, String callbackUri, String state, String nonce, String codeVerifier);

  /**
   * Redeems the code at the token endpoint and validates the ID token: signature by a key of the
   * provider's JWKS, issuer, audience, expiry and nonce.
   *
   * @throws Rejected when the provider refused the code or the ID token is not valid
   * @throws Unavailable when the provider cannot be reached
   */
  Identity redeem(
      SocialProvider provider,
      String clientSecret,
      String callbackUri,
      String code,
      String codeVerifier,
      String nonce);

  /** Who the provider says signed in. */
  record Identity(String subject, Optional<String> email) {}

  /** The provider's answer does not prove a login; the message names why, never a secret. */
  final class Rejected extends RuntimeException {
    public Rejected(String reason) {
      super(reason);
    }
  }

  /** The provider could not be reached or answered nonsense. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
