package dev.stepup.application.port.in.environment;

/** A new API key and its secret: the only time the secret exists outside the caller. */
public record CreatedApiKey(ApiKeySummary key, String secret) {

  @Override
  public String toString() {
    return "CreatedApiKey[" + key.id() + "]";
  }
}
