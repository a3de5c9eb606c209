package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps sent emails and texts so tests can read the codes in them, as a user would. */
public final class RecordingMessages implements EmailSender, SmsSender {
  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

  /** One delivered message. */
  public record Message(String channel, String recipient, String subject, String body) {}

  private final List<Message> sent = new ArrayList<>();

  @Override
  public synchronized void send(
      EnvironmentId environmentId, String toAddress, String subject, String body) {
    sent.add(new Message("email", toAddress, subject, body));
  }

  @Override
  public synchronized void send(EnvironmentId environmentId, String phoneNumber, String text) {
    sent.add(new Message("sms", phoneNumber, "", text));
  }

  public synchronized List<Message> sent() {
    return List.copyOf(sent);
  }

  /** The six-digit code in the latest message to {@code recipient} that carries one. */
  public synchronized Optional<String> lastCodeTo(String recipient) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      Message m = sent.get(i);
      if (m.recipient().equals(recipient)) {
        Matcher matcher = CODE.matcher(m.body());
        if (matcher.find()) {
          return Optional.of(matcher.group(1));
        }
      }
    }
    return Optional.empty();
  }

  /** Messages to {@code recipient} whose subject is {@code subject}, oldest first. */
  public synchronized List<Message> to(String recipient, String subject) {
    return sent.stream()
        .filter(m -> m.recipient().equals(recipient) && m.subject().equals(subject))
        .toList();
  }
}
