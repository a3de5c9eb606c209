package dev.stepup.domain.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a host backend may do with an API key: each API-key endpoint needs exactly one of these, so
 * a key can be limited to what its backend needs (e.g. a gateway that only introspects tokens).
 */
public enum ApiPermission {
  /** Read a user ({@code GET /users/{id}}). */
  USERS_READ("users:read"),
  /** Create users ({@code POST /users}). */
  USERS_WRITE("users:write"),
  /** List a user's active sessions. */
  SESSIONS_READ("sessions:read"),
  /** Sign a user in (start a session) and end sessions. */
  SESSIONS_WRITE("sessions:write"),
  /** Issue elevated tokens for users the host backend verified itself. */
  TOKENS_ISSUE("tokens:issue"),
  /** Introspect (and consume) elevated tokens. */
  TOKENS_INTROSPECT("tokens:introspect"),
  /** Revoke elevated tokens. */
  TOKENS_REVOKE("tokens:revoke"),
  /** Create step-up prompts for users and exchange their result codes for the outcome. */
  PROMPTS_WRITE("prompts:write"),
  /** Verify and export the environment's tamper-evident audit chain. */
  AUDIT_READ("audit:read"),
  /** List the environment's recent webhook deliveries. */
  WEBHOOKS_READ("webhooks:read");

  /** Every permission: what keys made before permissions existed, and the demo key, hold. */
  public static final Set<ApiPermission> ALL =
      Collections.unmodifiableSet(EnumSet.allOf(ApiPermission.class));

  private final String wire;

  ApiPermission(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * @throws IllegalArgumentException for a name that is not a permission
   */
  public static ApiPermission fromWire(String wire) {
    String name = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.wire.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown API key permission: " + wire));
  }
}
