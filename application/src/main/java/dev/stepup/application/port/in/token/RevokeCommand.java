package dev.stepup.application.port.in.token;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/** A token a host backend (or an admin) wants revoked. */
public record RevokeCommand(
    EnvironmentId environmentId, String token, String actor, RequestOrigin origin) {
  public RevokeCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return "RevokeCommand[environmentId=" + environmentId + ", actor=" + actor + "]";
  }
}
