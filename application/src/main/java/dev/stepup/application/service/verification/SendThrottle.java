package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.domain.otp.OtpSendPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@link OtpSendPolicy} to one subject atomically: the decision reads the subject's
 * gate, and the send claims the gate with a compare-and-set in the transaction that stores the
 * code, so of concurrent sends that passed the check only one goes.
 */
public final class SendThrottle {

  private final CodeSendGates gates;
  private final OtpSendPolicy policy = new OtpSendPolicy();

  public SendThrottle(CodeSendGates gates) {
    this.gates = gates;
  }

  /** What a send must find unchanged at the gate to go. */
  public record Ticket(String subject, Optional<Instant> expectedLast, Instant now) {}

  /**
   * @param latestCode when the subject's latest stored code was sent (codes sent before the gate
   *     existed count too)
   * @param sentSince when the subject was sent codes within the last window
   * @throws RefusedException {@code too_many_attempts} when the policy throttles the send
   */
  public Ticket check(
      String subject, Optional<Instant> latestCode, List<Instant> sentSince, Instant now) {
    Optional<Instant> gate = gates.lastSent(subject);
    Optional<Instant> last =
        gate.isPresent() && latestCode.isPresent()
            ? Optional.of(gate.get().isAfter(latestCode.get()) ? gate.get() : latestCode.get())
            : gate.or(() -> latestCode);
    Optional<RefusedException> throttled = Refusals.throttledSend(policy, last, sentSince, now);
    if (throttled.isPresent()) {
      throw throttled.get();
    }
    return new Ticket(subject, gate, now);
  }

  /**
   * Claims the gate; call inside the transaction that stores the code.
   *
   * @throws RefusedException {@code too_many_attempts} when a concurrent send won
   */
  public void claim(Ticket ticket) {
    if (!gates.claim(ticket.subject(), ticket.expectedLast(), ticket.now())) {
      throw Refusals.throttledSend(
              policy, Optional.of(ticket.now()), List.of(ticket.now()), ticket.now())
          .orElseThrow();
    }
  }

  public static String session(dev.stepup.domain.session.SessionId sessionId) {
    return "session:" + sessionId.value();
  }

  /** Codes that prove an address to link: a gate of their own, apart from step-up codes. */
  public static String contactProof(dev.stepup.domain.session.SessionId sessionId) {
    return "contact:" + sessionId.value();
  }

  public static String address(
      dev.stepup.domain.environment.EnvironmentId environmentId, String email) {
    return "sign-in:" + environmentId.value() + ":" + email;
  }
}
