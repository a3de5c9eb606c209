package dev.stepup.application.port.out.verification;

import dev.stepup.domain.environment.EnvironmentId;

/** Delivers an email message (one-time codes, notices) to one recipient. */
public interface EmailSender {

  void send(EnvironmentId environmentId, String toAddress, String subject, String body);
}
