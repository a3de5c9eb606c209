package dev.stepup.domain.prompt;

import dev.stepup.domain.policy.StepUpDecision;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way of stepping up a host accepts: any the policy offers, MFA only, or re-authentication
 * only. The policy decides a user's path; the mode only refuses a path it does not accept.
 */
public enum PromptMode {
  ANY("any"),
  MFA("mfa"),
  REAUTH("reauth");

  private final String wire;

  PromptMode(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<PromptMode> fromWire(String wire) {
    String name = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.wire.equals(name)).findFirst();
  }

  /** Whether a user on {@code path} can satisfy this mode. */
  public boolean permits(StepUpDecision.Path path) {
    return switch (this) {
      case ANY -> path != StepUpDecision.Path.NONE;
      case MFA -> path == StepUpDecision.Path.MFA;
      case REAUTH -> path == StepUpDecision.Path.REAUTH;
    };
  }

  /**
   * Why a user on {@code path} cannot satisfy this mode, as the outcome's machine-readable reason;
   * empty when they can.
   */
  public Optional<String> unsatisfiedBecause(StepUpDecision.Path path) {
    if (permits(path)) {
      return Optional.empty();
    }
    if (path == StepUpDecision.Path.NONE) {
      return Optional.of(FailureReason.NO_ELIGIBLE_CREDENTIAL);
    }
    return Optional.of(
        this == MFA ? FailureReason.MFA_NOT_ENROLLED : FailureReason.REAUTH_NOT_ALLOWED);
  }

  /** The reasons a prompt fails with, as hosts read them. */
  public static final class FailureReason {
    /** MFA only was asked, and the user has no MFA device. */
    public static final String MFA_NOT_ENROLLED = "mfa_not_enrolled";

    /** Re-authentication only was asked, and the user has MFA, which re-auth cannot bypass. */
    public static final String REAUTH_NOT_ALLOWED = "reauth_not_allowed";

    /** The user has nothing this environment accepts to step up with. */
    public static final String NO_ELIGIBLE_CREDENTIAL = "no_eligible_credential";

    /** Too many failed attempts: verification is locked for now. */
    public static final String LOCKED = "too_many_attempts";

    private FailureReason() {}
  }
}
