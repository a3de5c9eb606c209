package dev.stepup.application.port.in.token;

/** Publishes the public keys host backends use to verify elevated tokens offline. */
public interface GetVerificationKeysUseCase {

  /** The JWK Set JSON document. */
  String jwksJson();
}
