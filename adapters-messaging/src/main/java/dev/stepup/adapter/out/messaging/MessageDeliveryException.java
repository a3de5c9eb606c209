package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.DeliveryFailure;

/** A message could not be delivered; the message text is never part of it. */
public final class MessageDeliveryException extends DeliveryFailure {

  public MessageDeliveryException(String message, Throwable cause) {
    this(Kind.RETRY, message, cause);
  }

  public MessageDeliveryException(Kind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
