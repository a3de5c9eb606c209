package dev.stepup.application.port.in.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.ElevatedTokenId;
import java.util.Optional;

/** One issued token of an environment, with its state now, for the console. */
public interface FindElevatedTokenUseCase {

  /** Empty when the environment has no such token. */
  Optional<TokenSummary> find(EnvironmentId environmentId, ElevatedTokenId tokenId);
}
