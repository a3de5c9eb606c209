package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.StepUpPage.View;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.policy.StepUpDecision;
import java.util.List;
import java.util.Optional;

/** Which way the step-up page offers first, and the other ways it lists, from {@code check}. */
final class StepUpChoices {

  private StepUpChoices() {}

  /** Another way to confirm, as the page lists it. */
  record OtherWay(String label, String href) {}

  /**
   * The credential to verify with, by the policy's rule: the one the user picked among the eligible
   * ones, else the recommended one, else the first.
   */
  static Optional<Credential> chosen(CheckStepUpResult result, String via) {
    return result.credentialFor(
        Optional.ofNullable(via).filter(v -> !v.isBlank()).map(CredentialId::new));
  }

  /** Links to the other eligible ways, so a user can choose another one. */
  static List<OtherWay> others(
      StepUpRoom.Visit visit, CheckStepUpResult result, Optional<Credential> chosen) {
    // MFA users always see the passkey button and the recovery-code link; other ways are links.
    boolean mfa = result.path() == StepUpDecision.Path.MFA;
    return result.credentials().stream()
        .filter(c -> chosen.map(x -> !x.id().equals(c.id())).orElse(true))
        .filter(c -> !mfa || c.format() == CredentialFormat.TOTP)
        .map(
            c ->
                new OtherWay(
                    describe(c),
                    HostedPaths.stepUp(visit.environment(), visit.scope(), visit.returnTo())
                        + "&via="
                        + HostedPaths.encode(c.id().value())))
        .toList();
  }

  private static String describe(Credential c) {
    String alias = c.alias().orElse("");
    return switch (c.format()) {
      case EMAIL -> "Email a code to " + alias;
      case PHONE_NUMBER -> "Text a code to " + alias;
      case BLOCKCHAIN -> "Sign with your wallet " + alias;
      case OAUTH -> "Sign in with " + c.type().orElse("your social account");
      case PASSKEY -> "Use your passkey " + alias;
      case TOTP -> "Use your authenticator app " + alias;
    };
  }

  /** The panel the page opens with. */
  static View view(CheckStepUpResult result, Optional<Credential> chosen) {
    if (result.path() == StepUpDecision.Path.MFA) {
      if (chosen.isPresent()) {
        return chosen.get().format() == CredentialFormat.PASSKEY ? View.PASSKEY : View.TOTP;
      }
      boolean totp =
          result.credentials().stream().anyMatch(c -> c.format() == CredentialFormat.TOTP);
      return totp ? View.TOTP : View.PASSKEY;
    }
    if (result.path() == StepUpDecision.Path.REAUTH && chosen.isPresent()) {
      return switch (chosen.get().format()) {
        case EMAIL, PHONE_NUMBER -> View.OTP;
        case BLOCKCHAIN -> View.WALLET;
        case OAUTH -> View.SOCIAL;
        case PASSKEY, TOTP -> View.NONE;
      };
    }
    return View.NONE;
  }
}
