package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.externalauth.BackendClients;
import dev.stepup.application.port.out.externalauth.ClientAssertionVerifier;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.BackendClient;
import java.time.Clock;
import java.util.List;

/** The host backends that sign assertions, as admins register them. */
public final class BackendClientService implements ManageBackendClientsUseCase {

  private final Environments environments;
  private final BackendClients clients;
  private final ClientAssertionVerifier keys;
  private final Audit audit;
  private final Clock clock;

  public BackendClientService(
      Environments environments,
      BackendClients clients,
      ClientAssertionVerifier keys,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.clients = clients;
    this.keys = keys;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public List<BackendClient> clients(EnvironmentId environmentId) {
    return clients.list(environmentId);
  }

  @Override
  public void register(
      EnvironmentId environmentId,
      String clientId,
      String publicKeys,
      String actor,
      RequestOrigin origin) {
    requireEnvironment(environmentId);
    BackendClient client = new BackendClient(environmentId, clientId, publicKeys, clock.instant());
    keys.checkPublicKeys(client.publicKeys());
    clients.save(client);
    audit
        .event(AuditEventType.BACKEND_CLIENT_REGISTERED, environmentId, origin)
        .actor(actor)
        .success(client.clientId());
  }

  @Override
  public void remove(
      EnvironmentId environmentId, String clientId, String actor, RequestOrigin origin) {
    requireEnvironment(environmentId);
    if (clients.find(environmentId, clientId).isEmpty()) {
      return;
    }
    clients.remove(environmentId, clientId);
    audit
        .event(AuditEventType.BACKEND_CLIENT_REMOVED, environmentId, origin)
        .actor(actor)
        .success(clientId);
  }

  private void requireEnvironment(EnvironmentId id) {
    if (environments.find(id).isEmpty()) {
      throw new NotFoundException("environment", id);
    }
  }
}
