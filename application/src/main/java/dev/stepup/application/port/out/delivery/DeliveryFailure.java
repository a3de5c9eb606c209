package dev.stepup.application.port.out.delivery;

/**
 * A transport could not confirm a send. The kind says whether trying again is safe; the message
 * names the failure, never the content (which holds codes).
 */
public class DeliveryFailure extends RuntimeException {

  /** What the failure means for the message. */
  public enum Kind {
    /** Nothing was handed over (no connection, refused for now): safe to try again. */
    RETRY,
    /** Refused for good (bad address, rejected credentials): trying again cannot help. */
    PERMANENT,
    /** Failed after the message may have been handed over: trying again could send it twice. */
    UNCONFIRMED
  }

  private final Kind kind;

  public DeliveryFailure(Kind kind, String message, Throwable cause) {
    // Keep only the cause's type: its text may quote the message.
    super(message, cause == null ? null : new RuntimeException(cause.getClass().getSimpleName()));
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
