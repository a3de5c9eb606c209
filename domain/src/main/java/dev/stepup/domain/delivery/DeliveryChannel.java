package dev.stepup.domain.delivery;

import java.util.Arrays;

/** How a message travels: email over SMTP or a text through an SMS gateway. */
public enum DeliveryChannel {
  EMAIL("email"),
  SMS("sms");

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
