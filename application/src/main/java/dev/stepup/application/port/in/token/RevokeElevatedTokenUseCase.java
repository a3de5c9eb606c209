package dev.stepup.application.port.in.token;

/** Revokes a token; unknown or foreign tokens are ignored, as RFC 7009 asks. */
public interface RevokeElevatedTokenUseCase {

  void revoke(RevokeCommand command);
}
