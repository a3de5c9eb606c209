package dev.stepup.domain.method;

/** Which side of the MFA-versus-re-auth policy a verification method belongs to. */
public enum AuthenticationPath {
  /** Possession of an MFA factor: passkey, TOTP, or a recovery code as fallback. */
  MFA,
  /** Re-proving the sign-in identity: email, SMS, external wallet, social login. */
  REAUTH
}
