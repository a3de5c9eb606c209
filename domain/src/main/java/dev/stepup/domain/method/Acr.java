package dev.stepup.domain.method;

import java.util.Optional;

/**
 * Authentication context class references (the {@code acr} of a token, the {@code acr_values} of an
 * RFC 9470 challenge): how strongly the user proved themselves for an elevated token.
 */
public enum Acr {
  /** Possession of an MFA factor: passkey, authenticator app, or a recovery code. */
  MFA("urn:stepup:acr:mfa"),
  /** Re-proving a sign-in identity: email or SMS code, external wallet, social login. */
  REAUTH("urn:stepup:acr:reauth"),
  /** No verification here: a host backend issued the token for a user it verified itself. */
  HOST_BACKEND("urn:stepup:acr:host");

  private final String wire;

  Acr(String wire) {
    this.wire = wire;
  }

  /** The URN used on the wire, e.g. {@code urn:stepup:acr:mfa}. */
  public String wire() {
    return wire;
  }

  /** The level a verification on this side of the policy reaches. */
  public static Acr of(AuthenticationPath path) {
    return path == AuthenticationPath.MFA ? MFA : REAUTH;
  }

  /** The level of a token: its method's path, or {@link #HOST_BACKEND} without a method. */
  public static Acr of(Optional<VerificationMethod> method) {
    return method.map(m -> of(m.path())).orElse(HOST_BACKEND);
  }

  @Override
  public String toString() {
    return wire;
  }
}
