package dev.stepup.application.port.out.verification;

/** Delivers an email message (one-time codes, notices) to one recipient. */
public interface EmailSender {

  void send(String toAddress, String subject, String body);
}
