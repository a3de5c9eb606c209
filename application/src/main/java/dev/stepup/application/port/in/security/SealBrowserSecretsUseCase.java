package dev.stepup.application.port.in.security;

import java.util.Optional;

/**
 * Seals with the master key what a browser's HTTP session must keep but nobody reading the shared
 * session store may read: an elevated token held for the user, a TOTP secret being enrolled.
 */
public interface SealBrowserSecretsUseCase {

  byte[] seal(String secret);

  /**
   * The secret, or empty when it cannot be opened (tampered with, or sealed under a master key this
   * server no longer holds): the page then behaves as if nothing were kept.
   */
  Optional<String> open(byte[] sealed);
}
