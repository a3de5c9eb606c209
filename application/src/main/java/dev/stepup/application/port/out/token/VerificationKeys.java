package dev.stepup.application.port.out.token;

/** The public keys that verify elevated tokens, as a host backend fetches them. */
public interface VerificationKeys {

  /** A JWK Set (RFC 7517) JSON document with every key a valid token may be signed with. */
  String jwksJson();
}
