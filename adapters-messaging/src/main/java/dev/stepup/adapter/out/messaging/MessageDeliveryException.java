package dev.stepup.adapter.out.messaging;

/** A message could not be delivered; the message text is never part of it. */
public final class MessageDeliveryException extends RuntimeException {

  public MessageDeliveryException(String message, Throwable cause) {
    super(message, cause == null ? null : new RuntimeException(cause.getClass().getSimpleName()));
  }
}
