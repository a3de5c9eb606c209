package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.RefusalReason;
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
      case METHOD_DISABLED -> new RefusedException(RefusalReason.METHOD_DISABLED);
      case MFA_REQUIRED -> new RefusedException(RefusalReason.MFA_REQUIRED);
      case NO_ELIGIBLE_CREDENTIAL -> new RefusedException(RefusalReason.NO_ELIGIBLE_CREDENTIAL);
      case EMBEDDED_WALLET_NOT_SUPPORTED ->
          new RefusedException(RefusalReason.EMBEDDED_WALLET_NOT_SUPPORTED);
      case CREDENTIAL_NOT_ELIGIBLE -> new RefusedException(RefusalReason.CREDENTIAL_NOT_ELIGIBLE);
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
    RefusalReason reason =
        OtpSendPolicy.tooSoonAfter(last, now)
            ? RefusalReason.RESEND_TOO_SOON
            : RefusalReason.SEND_LIMIT_REACHED;
    return Optional.of(new RefusedException(reason).retryAfter(throttled.retryAfter()));
  }
}
