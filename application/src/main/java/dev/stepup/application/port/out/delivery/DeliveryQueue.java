package dev.stepup.application.port.out.delivery;

import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable queue of messages waiting to be sent (the worker's side; callers queue messages
 * through {@code EmailSender} and {@code SmsSender}). Safe with several nodes: a message is claimed
 * by one worker at a time.
 */
public interface DeliveryQueue {

  /**
   * Claims the message that is due longest, for this worker only, until {@code leaseUntil}; counts
   * the attempt. Of concurrent claimers exactly one gets a given message.
   */
  Optional<ClaimedDelivery> claimNext(Instant now, Instant leaseUntil);

  /** The message was handed over: it is done and its content is erased. */
  void markSent(ClaimedDelivery delivery, Instant at);

  /** The send failed before anything was handed over: try again at {@code nextAttempt}. */
  void markRetry(ClaimedDelivery delivery, Instant nextAttempt, String reason, Instant at);

  /** Given up: never tried again; its content is erased. */
  void markDead(ClaimedDelivery delivery, String reason, Instant at);

  /**
   * Gives up on messages whose send started but was never marked before the lease ran out (a node
   * stopped mid-send): they may have been delivered, so they are not sent again. Answers how many.
   */
  int abandonExpiredLeases(Instant now, String reason);

  /** A message claimed by this worker; {@code claim} proves the claim when marking it. */
  record ClaimedDelivery(
      long id,
      String claim,
      EnvironmentId environmentId,
      DeliveryChannel channel,
      String recipient,
      String subject,
      String body,
      int attempt) {

    @Override
    public String toString() {
      // Subject and body hold codes.
      return "ClaimedDelivery[id=" + id + ", channel=" + channel + ", attempt=" + attempt + "]";
    }
  }
}
