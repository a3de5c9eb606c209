package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.ProviderAnswer;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.social.SocialLogin;
import java.nio.charset.StandardCharsets;

/**
 * Turns a provider's answer to a login into a validated identity (code redeemed with PKCE, ID token
 * and nonce checked by the {@link OidcClient}), or a refusal saying why not.
 */
public final class SocialIdentities {

  static final int MAX_ANSWER = 2048;
  private static final int MAX_SUBJECT = 200;

  private final SocialProviders providers;
  private final OidcClient oidc;
  private final SecretCipher cipher;

  public SocialIdentities(SocialProviders providers, OidcClient oidc, SecretCipher cipher) {
    this.providers = providers;
    this.oidc = oidc;
    this.cipher = cipher;
  }

  /**
   * @throws RefusedException {@code social_login_failed} when the answer proves no sign-in, or the
   *     cancellation or unavailability the provider reported
   */
  public OidcClient.Identity identify(
      Environment environment, SocialLogin login, ProviderAnswer answer, String callbackUri) {
    if (answer.error() != null) {
      throw new RefusedException(RefusalReason.SOCIAL_LOGIN_CANCELLED);
    }
    if (answer.code() == null || answer.code().isEmpty() || answer.code().length() > MAX_ANSWER) {
      throw new RefusedException(RefusalReason.NO_AUTHORIZATION_CODE);
    }
    SocialProviders.Registration registration =
        providers
            .find(environment.id(), login.provider())
            .orElseThrow(() -> new RefusedException(RefusalReason.PROVIDER_NOT_CONFIGURED));
    String secret =
        new String(cipher.decrypt(registration.sealedClientSecret()), StandardCharsets.UTF_8);
    OidcClient.Identity identity;
    try {
      identity =
          oidc.redeem(
              registration.provider(),
              secret,
              callbackUri,
              answer.code(),
              login.codeVerifier(),
              login.nonce());
    } catch (OidcClient.Rejected rejected) {
      throw new RefusedException(RefusalReason.SIGN_IN_NOT_PROVED).about(rejected.getMessage());
    } catch (OidcClient.Unavailable unavailable) {
      throw new RefusedException(RefusalReason.PROVIDER_UNAVAILABLE);
    }
    if (identity.subject().isEmpty() || identity.subject().length() > MAX_SUBJECT) {
      throw new RefusedException(RefusalReason.BAD_PROVIDER_SUBJECT);
    }
    return identity;
  }
}
