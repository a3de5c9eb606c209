package dev.stepup.application.service;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.otp.OtpChallenge;

/** The words of a code that proves an address or number before it is linked, sent to it. */
final class ContactCodeMessages {

  private final EmailSender email;
  private final SmsSender sms;

  ContactCodeMessages(EmailSender email, SmsSender sms) {
    this.email = email;
    this.sms = sms;
  }

  void send(SessionContext context, CredentialFormat kind, String identifier, String code) {
    long minutes = OtpChallenge.LIFETIME.toMinutes();
    if (kind == CredentialFormat.EMAIL) {
      email.send(
          context.environmentId(),
          identifier,
          "Your code to add this address: " + code,
          "Your code to add this address to your account is "
              + code
              + ".\n\nIt expires in "
              + minutes
              + " minutes. If you did not ask to add it, ignore this message: nothing is linked"
              + " without the code.\n");
    } else {
      sms.send(
          context.environmentId(),
          identifier,
          "Your code to add this number to your account is "
              + code
              + ". It expires in "
              + minutes
              + " minutes.");
    }
  }
}
