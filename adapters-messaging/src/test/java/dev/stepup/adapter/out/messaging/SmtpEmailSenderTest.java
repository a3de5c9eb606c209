package dev.stepup.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpEmailSenderTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void mailArrivesWithRecipientSubjectAndUtf8Body() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    new SmtpEmailSender(sender, "stepup@example.com")
        .send(
            new EnvironmentId("demo"),
            "alice@example.com",
            "Your code: 123456",
            "Code 123456 — für Sie");

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("stepup@example.com");
    assertThat(received[0].getSubject()).isEqualTo("Your code: 123456");
    assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
    assertThat(received[0].getContent().toString().strip()).isEqualTo("Code 123456 — für Sie");
  }

  @Test
  void anUnreachableServerFailsWithoutRevealingTheMessage() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(1);
    assertThatThrownBy(
            () ->
                new SmtpEmailSender(sender, "stepup@example.com")
                    .send(
                        new EnvironmentId("demo"),
                        "alice@example.com",
                        "Code 987654",
                        "Code 987654"))
        .isInstanceOf(MessageDeliveryException.class)
        .satisfies(e -> assertThat(stackText(e)).doesNotContain("987654"));
  }

  static String stackText(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}
