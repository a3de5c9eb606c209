package dev.stepup.application.port.in.token;

/** Lists issued elevated tokens for the console, newest first. */
public interface ListElevatedTokensUseCase {

  TokenPage list(ListElevatedTokensQuery query);
}
