package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.social.SocialLogin;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user presents to step up, one kind per verification method. Secrets stay out of {@code
 * toString}.
 */
public sealed interface Proof {

  /** The email or SMS code sent to this session most recently. */
  record OtpProof(String code) implements Proof {
    @Override
    public String toString() {
      return "OtpProof[code=***]";
    }
  }

  /**
   * A code from an authenticator app.
   *
   * @param deviceId the TOTP device to check; empty tries each of the user's confirmed devices
   */
  record TotpProof(String code, Optional<CredentialId> deviceId) implements Proof {
    public TotpProof {
      Objects.requireNonNull(deviceId, "deviceId");
    }

    @Override
    public String toString() {
      return "TotpProof[deviceId=" + deviceId + "]";
    }
  }

  /** One of the user's recovery codes; each works once. */
  record RecoveryCodeProof(String code) implements Proof {
    @Override
    public String toString() {
      return "RecoveryCodeProof[code=***]";
    }
  }

  /** The browser's answer to a passkey prompt this session started. */
  record PasskeyProof(String challengeId, String credentialJson) implements Proof {
    @Override
    public String toString() {
      return "PasskeyProof[challengeId=" + challengeId + "]";
    }
  }

  /** An external wallet's signature over a challenge this session was given. */
  record WalletProof(String challengeId, String signature) implements Proof {}

  /**
   * The provider's answer to a step-up login this session started and that was just completed. Only
   * the provider's callback presents it; {@link VerifyStepUpUseCase} refuses it from others.
   */
  record SocialProof(
      SocialLogin login, FinishSocialLoginUseCase.ProviderAnswer answer, String callbackUri)
      implements Proof {
    public SocialProof {
      Objects.requireNonNull(login, "login");
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(callbackUri, "callbackUri");
    }

    @Override
    public String toString() {
      return "SocialProof[login=" + login.id() + "]";
    }
  }
}
