package dev.stepup.application.port.in.audit;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One audited happening as admins read it; never a code, a token or any other secret.
 *
 * @param type the event's wire name, e.g. {@code verification}
 * @param succeeded whether the audited attempt succeeded
 * @param reason a machine-readable cause such as {@code invalid_code}, or a success's detail
 * @param actor the admin or backend who acted, when it was not the user
 */
public record AuditEntry(
    Instant at,
    Optional<EnvironmentId> environmentId,
    String type,
    boolean succeeded,
    Optional<UserId> userId,
    Set<Scope> scopes,
    Optional<VerificationMethod> method,
    Optional<String> reason,
    Optional<String> actor,
    String clientIp) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userId, "userId");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(clientIp, "clientIp");
  }

  /** {@code success} or {@code failure}, as the console shows and filters it. */
  public String outcome() {
    return succeeded ? "success" : "failure";
  }
}
