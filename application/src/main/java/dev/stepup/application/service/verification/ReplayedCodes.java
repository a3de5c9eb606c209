package dev.stepup.application.service.verification;

import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.domain.method.VerificationMethod;

/**
 * A code entered again after it was accepted: answered like a wrong one, audited as what it is and
 * told to the user.
 */
public final class ReplayedCodes {

  /** The audit reason of a code entered again after it was accepted. */
  public static final String REPLAYED = "replayed";

  private ReplayedCodes() {}

  /** Words for the notice of a replayed code, e.g. "An email code". */
  public static String replayedCode(VerificationMethod method) {
    return switch (method) {
      case EMAIL_OTP -> "An email code";
      case SMS_OTP -> "A text message code";
      case TOTP -> "A code from your authenticator app";
      case RECOVERY_CODE -> "A recovery code";
      default -> SecurityNotifier.describe(method);
    };
  }
}
