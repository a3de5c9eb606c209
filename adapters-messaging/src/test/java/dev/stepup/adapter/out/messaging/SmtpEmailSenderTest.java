package dev.stepup.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void aServerThatAcceptsAndNeverAnswersFailsWithinTheReadTimeoutAndIsSafeToRetry()
      throws Exception {
    try (ScriptedSmtp tarpit = new ScriptedSmtp(false)) {
      JavaMailSenderImpl sender = tarpit.sender();
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  new SmtpEmailSender(sender, "stepup@example.com")
                      .send(new EnvironmentId("demo"), "alice@example.com", "Code", "Code 1"))
          .isInstanceOfSatisfying(
              MessageDeliveryException.class,
              e -> assertThat(e.kind()).isEqualTo(DeliveryFailure.Kind.RETRY));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aServerThatStopsAnsweringAfterTakingTheMessageIsNotRetried() throws Exception {
    try (ScriptedSmtp silentAfterData = new ScriptedSmtp(true)) {
      assertThatThrownBy(
              () ->
                  new SmtpEmailSender(silentAfterData.sender(), "stepup@example.com")
                      .send(new EnvironmentId("demo"), "alice@example.com", "Code", "Code 2"))
          .isInstanceOfSatisfying(
              MessageDeliveryException.class,
              e -> assertThat(e.kind()).isEqualTo(DeliveryFailure.Kind.UNCONFIRMED));
    }
  }

  @Test
  void anAddressNoMailCanBeSentToIsGivenUpNotRetried() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    assertThatThrownBy(
            () ->
                new SmtpEmailSender(sender, "stepup@example.com")
                    .send(new EnvironmentId("demo"), "not an address@", "Code", "Code 3"))
        .isInstanceOfSatisfying(
            MessageDeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT));
  }

  /**
   * A mail server that greets nobody ({@code talk} false), or talks until the message's data and
   * then falls silent, as one that crashed or hung after taking it.
   */
  static final class ScriptedSmtp implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedSmtp(boolean talk) throws IOException {
      thread =
          new Thread(
              () -> {
                try {
                  Socket s = server.accept();
                  held.add(s);
                  if (talk) {
                    converse(s);
                  }
                } catch (IOException e) {
                  // closed
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    private static void converse(Socket s) throws IOException {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
      out.write("220 scripted\r\n");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(java.util.Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          out.write("250 scripted\r\n");
        } else if (command.startsWith("MAIL") || command.startsWith("RCPT")) {
          out.write("250 ok\r\n");
        } else if (command.startsWith("DATA")) {
          out.write("354 go on\r\n");
          out.flush();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message arrives; then no answer ever comes
          }
          return;
        } else {
          out.write("250 ok\r\n");
        }
        out.flush();
      }
    }

    JavaMailSenderImpl sender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(server.getLocalPort());
      Properties timeouts = sender.getJavaMailProperties();
      timeouts.put("mail.smtp.connectiontimeout", "1000");
      timeouts.put("mail.smtp.timeout", "1000");
      timeouts.put("mail.smtp.writetimeout", "1000");
      return sender;
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
