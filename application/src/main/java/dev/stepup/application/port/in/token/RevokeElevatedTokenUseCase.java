package dev.stepup.application.port.in.token;

/** Revokes a token; unknown or foreign tokens are ignored, as RFC 7009 asks. */
public interface RevokeElevatedTokenUseCase {

  void revoke(RevokeCommand command);

  /**
   * Revokes a token of the environment by its id, as an admin does from the console.
   *
   * @return whether this call revoked it (false when it was unknown, foreign, or no longer active)
   */
  boolean revokeById(
      dev.stepup.domain.environment.EnvironmentId environmentId,
      dev.stepup.domain.token.ElevatedTokenId tokenId,
      String actor,
      dev.stepup.application.port.out.audit.RequestOrigin origin);
}
