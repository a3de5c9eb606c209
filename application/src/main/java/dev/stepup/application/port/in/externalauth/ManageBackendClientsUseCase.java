package dev.stepup.application.port.in.externalauth;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.BackendClient;
import java.util.List;

/** The host backends of an environment that sign assertions, registered by admins; audited. */
public interface ManageBackendClientsUseCase {

  List<BackendClient> clients(EnvironmentId environmentId);

  /**
   * Registers (or replaces the keys of) a client.
   *
   * @param publicKeys a JSON Web Key Set of public asymmetric keys
   */
  void register(
      EnvironmentId environmentId,
      String clientId,
      String publicKeys,
      String actor,
      RequestOrigin origin);

  void remove(EnvironmentId environmentId, String clientId, String actor, RequestOrigin origin);
}
