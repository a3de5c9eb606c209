package dev.stepup.domain.session;

import java.util.Locale;

/** Where a session is in its life at a moment. */
public enum SessionState {
  /** Signed in, not expired, used within its idle timeout. */
  ACTIVE,
  /** Signed out (by the user, a host backend, an admin, or with a removed credential). */
  ENDED,
  /** Lapsed: past its absolute expiry or left unused longer than its idle timeout. */
  EXPIRED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
