package dev.stepup.application.port.in.delivery;

import java.time.Instant;
import java.util.Optional;

/** A failed message as an admin may see it: the recipient masked, never its content. */
public record FailedDelivery(
    String channel,
    String maskedRecipient,
    String state,
    int attempts,
    Instant queuedAt,
    Optional<Instant> nextAttempt,
    String lastError) {}
