package dev.stepup.application.port.out.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.BackendClient;
import java.util.List;
import java.util.Optional;

/** The host backends of each environment that sign assertions, with their public keys. */
public interface BackendClients {

  Optional<BackendClient> find(EnvironmentId environmentId, String clientId);

  /** An environment's clients, ordered by id. */
  List<BackendClient> list(EnvironmentId environmentId);

  /** Inserts or replaces the client of that id in its environment. */
  void save(BackendClient client);

  void remove(EnvironmentId environmentId, String clientId);
}
