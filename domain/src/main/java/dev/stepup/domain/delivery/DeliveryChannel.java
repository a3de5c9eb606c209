package dev.stepup.domain.delivery;

import java.util.Arrays;

/**
 * How a message travels: email over SMTP, a text through an SMS gateway, or a signed webhook POST.
 */
public enum DeliveryChannel {
  EMAIL("email"),
  SMS("sms"),
  WEBHOOK("webhook");

  private final String wire;

  DeliveryChannel(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static DeliveryChannel fromWire(String wire) {
    return Arrays.stream(values())
        .filter(c -> c.wire.equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + wire));
  }
}
