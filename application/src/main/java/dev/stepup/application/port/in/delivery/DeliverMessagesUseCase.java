package dev.stepup.application.port.in.delivery;

/** Sends the queued messages that are due; run by background workers, never by a request. */
public interface DeliverMessagesUseCase {

  /** Sends due messages until none is left; answers how many were attempted. */
  int deliverDue();
}
