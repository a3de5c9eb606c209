package dev.stepup.application.port.out.delivery;

import dev.stepup.domain.environment.EnvironmentId;

/** Hands one email to the mail system (SMTP, or the development outbox); bounded in time. */
public interface EmailTransport {

  /**
   * @throws DeliveryFailure when the send is not confirmed
   */
  void send(EnvironmentId environmentId, String toAddress, String subject, String body);
}
