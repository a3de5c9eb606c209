package dev.stepup.application.port.out.social;

import dev.stepup.domain.social.SocialLogin;
import java.time.Instant;
import java.util.Optional;

/** Social logins in progress, found by the digest of their {@code state}. */
public interface SocialLogins {

  void add(SocialLogin login, String stateDigest);

  Optional<SocialLogin> findByState(String stateDigest);

  Optional<SocialLogin> find(String id);

  /**
   * Marks the login completed if nobody did before; of concurrent calls exactly one answers true,
   * so a provider's answer is used once.
   */
  boolean complete(String id, Instant now);

  /** Records who the provider said the user is, on a completed login. */
  void identify(String id, String subject, Optional<String> email);

  /** Marks a completed link login as linked; of concurrent calls exactly one answers true. */
  boolean markLinked(String id, Instant now);

  /** Forgets logins started before {@code cutoff}. */
  void deleteStartedBefore(Instant cutoff);
}
