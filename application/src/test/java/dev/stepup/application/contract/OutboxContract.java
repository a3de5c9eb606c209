package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.Outbox;
import org.junit.jupiter.api.Test;

/** What {@link Outbox} promises the development console: one environment's newest messages. */
public abstract class OutboxContract extends PortContract {

  @Test
  void outboxListsNewestMessagesOfOneEnvironment() {
    Outbox outbox = stores.outbox();
    outbox.add(
        new Outbox.OutboxMessage(ENV, "email", "a@example.com", "Code", "Your code is 123456", T0));
    outbox.add(
        new Outbox.OutboxMessage(
            ENV, "sms", "+14155550123", "", "Your code is 654321", T0.plusSeconds(1)));
    outbox.add(new Outbox.OutboxMessage(OTHER_ENV, "email", "b@example.com", "Code", "x", T0));
    assertThat(outbox.recent(ENV, 10))
        .extracting(Outbox.OutboxMessage::channel)
        .containsExactly("sms", "email");
    assertThat(outbox.recent(ENV, 1)).hasSize(1);
    assertThat(outbox.recent(ENV, 1).get(0).body()).isEqualTo("Your code is 654321");
  }
}
