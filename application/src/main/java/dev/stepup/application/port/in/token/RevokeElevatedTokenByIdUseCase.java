package dev.stepup.application.port.in.token;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.ElevatedTokenId;
import java.util.Objects;

/** An admin revokes a token of an environment by its id, from the console. Audited. */
public interface RevokeElevatedTokenByIdUseCase {

  /**
   * @return whether this call revoked it (false when it was unknown, foreign, or no longer active)
   */
  boolean revokeById(Command command);

  /** Which token of which environment, and who revokes it. */
  record Command(
      EnvironmentId environmentId, ElevatedTokenId tokenId, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(tokenId, "tokenId");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
