package dev.stepup.application.port.out.delivery;

import dev.stepup.domain.environment.EnvironmentId;

/** Hands one text message to the SMS gateway (or the development outbox); bounded in time. */
public interface SmsTransport {

  /**
   * @throws DeliveryFailure when the send is not confirmed
   */
  void send(EnvironmentId environmentId, String phoneNumber, String text);
}
