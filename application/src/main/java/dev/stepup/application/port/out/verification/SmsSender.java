package dev.stepup.application.port.out.verification;

import dev.stepup.domain.environment.EnvironmentId;

/** Delivers a text message to a phone number through an SMS gateway. */
public interface SmsSender {

  void send(EnvironmentId environmentId, String phoneNumber, String text);
}
