package dev.stepup.domain.webhook;

import java.util.Arrays;

/** The step-up events a host can receive by webhook; {@code wire} is the payload's {@code type}. */
public enum WebhookEventType {
  TOKEN_ISSUED("token.issued"),
  TOKEN_CONSUMED("token.consumed"),
  TOKEN_REVOKED("token.revoked"),
  MFA_ENROLLED("mfa.enrolled"),
  MFA_RESET("mfa.reset"),
  LOCKOUT("lockout");

  private final String wire;

  WebhookEventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static WebhookEventType fromWire(String wire) {
    return Arrays.stream(values())
        .filter(t -> t.wire.equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown webhook event type: " + wire));
  }
}
