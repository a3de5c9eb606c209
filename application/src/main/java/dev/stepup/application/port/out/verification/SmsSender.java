package dev.stepup.application.port.out.verification;

/** Delivers a text message to a phone number through an SMS gateway. */
public interface SmsSender {

  void send(String phoneNumber, String text);
}
