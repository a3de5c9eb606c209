package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.DeliveryFailure.Kind;
import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Plain-text UTF-8 email through the configured SMTP server. Connecting and sending are separate
 * steps so a failure says whether the message may have been handed over: before (no connection, a
 * refusal by the server) it is safe to try again; after, it is not (it could arrive twice). The
 * connect, read and write timeouts come from {@code spring.mail.properties.mail.smtp.*}.
 */
public final class SmtpEmailSender implements EmailTransport {

  private final JavaMailSenderImpl mail;
  private final String from;

  public SmtpEmailSender(JavaMailSenderImpl mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public void send(EnvironmentId environmentId, String toAddress, String subject, String body) {
    MimeMessage message;
    try {
      message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(toAddress);
      helper.setSubject(subject);
      helper.setText(body, false);
      message.saveChanges();
    } catch (MessagingException e) {
      throw new MessageDeliveryException(Kind.PERMANENT, "the email could not be composed", e);
    }
    Transport transport;
    try {
      transport = mail.getSession().getTransport(protocol());
      transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
    } catch (AuthenticationFailedException e) {
      throw new MessageDeliveryException(Kind.RETRY, "the SMTP server refused the login", e);
    } catch (MessagingException | RuntimeException e) {
      // The message holds a one-time code: name the failure, never the content.
      throw new MessageDeliveryException(
          Kind.RETRY, "the SMTP server could not be reached or did not answer", e);
    }
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (SendFailedException e) {
      // The server answered with a refusal code, so it did not take the message: 4xx is for now.
      int code = returnCode(e);
      Kind kind = code >= 400 && code < 500 ? Kind.RETRY : Kind.PERMANENT;
      throw new MessageDeliveryException(
          kind, "the SMTP server refused the email (" + code + ")", e);
    } catch (MessagingException | RuntimeException e) {
      throw new MessageDeliveryException(
          Kind.UNCONFIRMED, "the SMTP server stopped answering during the send", e);
    } finally {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Sent or not is already decided; a failed QUIT changes nothing.
      }
    }
  }

  private static int returnCode(MessagingException e) {
    for (Exception x = e; x != null; ) {
      if (x instanceof SMTPSendFailedException sent) {
        return sent.getReturnCode();
      }
      if (x instanceof SMTPAddressFailedException address) {
        return address.getReturnCode();
      }
      x = x instanceof MessagingException m ? m.getNextException() : null;
    }
    return 0;
  }

  private String protocol() {
    return mail.getProtocol() == null ? "smtp" : mail.getProtocol();
  }
}
