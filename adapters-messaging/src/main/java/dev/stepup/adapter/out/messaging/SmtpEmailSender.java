package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Plain-text UTF-8 email through the configured SMTP server. */
public final class SmtpEmailSender implements EmailSender {

  private final JavaMailSender mail;
  private final String from;

  public SmtpEmailSender(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public void send(EnvironmentId environmentId, String toAddress, String subject, String body) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(toAddress);
      helper.setSubject(subject);
      helper.setText(body, false);
      mail.send(message);
    } catch (MessagingException | MailException e) {
      // The message holds a one-time code: name the failure, never the content.
      throw new MessageDeliveryException("the email could not be handed to the SMTP server", e);
    }
  }
}
