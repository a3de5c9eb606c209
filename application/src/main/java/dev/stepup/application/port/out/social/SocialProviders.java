package dev.stepup.application.port.out.social;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.util.List;
import java.util.Optional;

/** The OpenID Connect providers configured per environment, with their client secrets sealed. */
public interface SocialProviders {

  Optional<Registration> find(EnvironmentId environmentId, String name);

  /** An environment's providers, ordered by name. */
  List<SocialProvider> list(EnvironmentId environmentId);

  /** Inserts or replaces the provider of that name in its environment. */
  void save(SocialProvider provider, byte[] sealedClientSecret);

  /** A provider with its client secret as {@code SecretCipher} sealed it. */
  record Registration(SocialProvider provider, byte[] sealedClientSecret) {}
}
