package dev.stepup.domain.token;

/** Where an elevated token is in its lifecycle. */
public enum TokenState {
  ACTIVE,
  CONSUMED,
  EXPIRED,
  REVOKED;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
