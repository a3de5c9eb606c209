package dev.stepup.application.service.verification;

import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.OtpChallenge;

/**
 * The messages that carry a one-time code — for step-up, for signing in, for proving an address —
 * each saying what the code is for, when it expires and what to do if it was not asked for.
 */
public final class CodeMessages {

  /** What a code is for, in the words of its message. */
  public record Words(String subject, String emailSentence, String smsSentence, String ifNotYou) {

    public String emailSubject(String code) {
      return subject + ": " + code;
    }

    public String emailBody(String code) {
      return emailSentence
          + " "
          + code
          + ".\n\nIt expires in "
          + OtpChallenge.LIFETIME.toMinutes()
          + " minutes. "
          + ifNotYou
          + "\n";
    }

    public String text(String code) {
      return smsSentence
          + " "
          + code
          + ". It expires in "
          + OtpChallenge.LIFETIME.toMinutes()
          + " minutes.";
    }
  }

  public static final Words STEP_UP =
      new Words(
          "Your verification code",
          "Your verification code is",
          "Your verification code is",
          "If you did not ask for it, ignore this message and do not share the code with anyone.");

  public static final Words CONTACT_PROOF =
      new Words(
          "Your code to add this address",
          "Your code to add this address to your account is",
          "Your code to add this number to your account is",
          "If you did not ask to add it, ignore this message: nothing is linked without the code.");

  /** Signing in, or signing up when the address has no account yet; by email only. */
  public static Words signIn(String purpose) {
    return new Words(
        "Your " + purpose + " code",
        "Your " + purpose + " code is",
        "Your " + purpose + " code is",
        "If you did not try to sign in, ignore this message and do not share the code with"
            + " anyone.");
  }

  private final EmailSender email;
  private final SmsSender sms;

  public CodeMessages(EmailSender email, SmsSender sms) {
    this.email = email;
    this.sms = sms;
  }

  /** Sends the code to an email address or, for a phone number, as a text. */
  public void send(
      EnvironmentId environmentId, CredentialFormat format, String to, String code, Words words) {
    if (format == CredentialFormat.EMAIL) {
      email.send(environmentId, to, words.emailSubject(code), words.emailBody(code));
    } else {
      sms.send(environmentId, to, words.text(code));
    }
  }
}
