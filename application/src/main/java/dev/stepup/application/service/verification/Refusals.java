package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns the policy's refusals into the errors the API reports, with messages for users. */
public final class Refusals {

  private Refusals() {}

  /** Throws when the permission is a refusal. */
  public static void require(VerificationPermission permission) {
    if (permission instanceof VerificationPermission.Refused refused) {
      throw of(refused.reason());
    }
  }

  public static RefusedException of(VerificationPermission.Reason reason) {
    return switch (reason) {
      case METHOD_DISABLED ->
          new RefusedException(
              Refusal.METHOD_DISABLED, "This verification method is turned off here.");
      case MFA_REQUIRED ->
          new RefusedException(
              Refusal.MFA_REQUIRED,
              "This account has multi-factor authentication: verify with your passkey,"
                  + " authenticator app or a recovery code.");
      case NO_ELIGIBLE_CREDENTIAL ->
          new RefusedException(
              Refusal.NO_ELIGIBLE_CREDENTIAL,
              "There is nothing on this account that this method can verify.");
      case EMBEDDED_WALLET_NOT_SUPPORTED ->
          new RefusedException(
              Refusal.EMBEDDED_WALLET_NOT_SUPPORTED,
              "An embedded wallet cannot prove who you are; use another method.");
      case CREDENTIAL_NOT_ELIGIBLE ->
          new RefusedException(
              Refusal.CREDENTIAL_NOT_ELIGIBLE, "This credential cannot be used to verify.");
    };
  }

  /**
   * The refusal of a code send that {@code policy} throttles, saying how long to wait; empty when
   * the code may go.
   *
   * @param sentSince when codes were sent since one window before {@code now}
   */
  public static Optional<RefusedException> throttledSend(
      OtpSendPolicy policy, Optional<Instant> last, List<Instant> sentSince, Instant now) {
    if (!(policy.decide(last, sentSince, now)
        instanceof OtpSendPolicy.Decision.Throttled throttled)) {
      return Optional.empty();
    }
    long seconds = Math.max(1, throttled.retryAfter().toSeconds());
    boolean justSent = OtpSendPolicy.tooSoonAfter(last, now);
    return Optional.of(
        new RefusedException(
            Refusal.RESEND_THROTTLED,
            justSent
                ? "A code was sent moments ago. You can ask for another in " + seconds + " seconds."
                : "Too many codes were sent in the last hour. You can ask for another in "
                    + Math.max(1, (seconds + 59) / 60)
                    + " minutes.",
            Optional.of(throttled.retryAfter()),
            null));
  }
}
