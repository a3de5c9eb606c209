package dev.stepup.application.port.out.environment;

import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Optional;

/** Environment API keys, looked up by the digest of the presented secret. */
public interface ApiKeys {

  Optional<ApiKey> findByDigest(String digest);

  List<ApiKey> forEnvironment(EnvironmentId environmentId);

  /** Inserts a new key or updates its last use and revocation. */
  void save(ApiKey apiKey);
}
