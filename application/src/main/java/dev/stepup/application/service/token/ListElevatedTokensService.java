package dev.stepup.application.service.token;

import dev.stepup.application.port.in.token.FindElevatedTokenUseCase;
import dev.stepup.application.port.in.token.ListElevatedTokensQuery;
import dev.stepup.application.port.in.token.ListElevatedTokensUseCase;
import dev.stepup.application.port.in.token.TokenPage;
import dev.stepup.application.port.in.token.TokenSummary;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.ElevatedTokenId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Lists an environment's issued elevated tokens for the console, with their state now. */
public final class ListElevatedTokensService
    implements ListElevatedTokensUseCase, FindElevatedTokenUseCase {

  private final ElevatedTokens tokens;
  private final TransactionRunner transactions;
  private final Clock clock;

  public ListElevatedTokensService(
      ElevatedTokens tokens, TransactionRunner transactions, Clock clock) {
    this.tokens = tokens;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Optional<TokenSummary> find(EnvironmentId environmentId, ElevatedTokenId tokenId) {
    return tokens
        .find(tokenId)
        .filter(t -> t.environmentId().equals(environmentId))
        .map(t -> TokenSummary.of(t, clock.instant()));
  }

  @Override
  public TokenPage list(ListElevatedTokensQuery query) {
    Instant now = clock.instant();
    TokenSearch search =
        new TokenSearch(
            query.environmentId(),
            query.state(),
            query.scope(),
            query.userId(),
            now,
            query.page() * query.pageSize(),
            query.pageSize());
    return transactions.inTransaction(
        () ->
            new TokenPage(
                tokens.search(search).stream().map(t -> TokenSummary.of(t, now)).toList(),
                tokens.count(search),
                query.page(),
                query.pageSize()));
  }
}
