package dev.stepup.application.port.in.token;

/** Lists issued elevated tokens for the console, newest first. */
public interface ListElevatedTokensUseCase {

  TokenPage list(ListElevatedTokensQuery query);

  /** One token of the environment, with its state now. */
  java.util.Optional<TokenSummary> find(
      dev.stepup.domain.environment.EnvironmentId environmentId,
      dev.stepup.domain.token.ElevatedTokenId tokenId);
}
