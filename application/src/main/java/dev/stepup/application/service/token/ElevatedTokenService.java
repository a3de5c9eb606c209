package dev.stepup.application.service.token;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.IntrospectElevatedTokenUseCase;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.ListElevatedTokensQuery;
import dev.stepup.application.port.in.token.ListElevatedTokensUseCase;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.token.RevokeElevatedTokenUseCase;
import dev.stepup.application.port.in.token.TokenPage;
import dev.stepup.application.port.in.token.TokenSummary;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.token.TokenUseOutcome;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The elevated-token lifecycle: issue, introspect (and consume), revoke, list. */
public final class ElevatedTokenService
    implements IssueElevatedTokenUseCase,
        IntrospectElevatedTokenUseCase,
        RevokeElevatedTokenUseCase,
        ListElevatedTokensUseCase {

  /** Tokens issued by a host backend say so in {@code amr}. */
  static final List<String> BACKEND_AMR = ElevatedToken.BACKEND_AMR;

  private final Environments environments;
  private final Users users;
  private final Sessions sessions;
  private final ElevatedTokens tokens;
  private final ElevatedTokenSigner signer;
  private final TransactionRunner transactions;
  private final TokenMint mint;
  private final Audit audit;
  private final Clock clock;

  public ElevatedTokenService(
      Environments environments,
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.signer = signer;
    this.transactions = transactions;
    this.mint = new TokenMint(tokens, signer, auditTrail, clock);
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public IssuedElevatedToken issue(IssueElevatedTokenCommand command) {
    Instant now = clock.instant();
    Environment environment =
        environments
            .find(command.environmentId())
            .orElseThrow(() -> new NotFoundException("environment", command.environmentId()));
    User user =
        users
            .find(command.environmentId(), command.userId())
            .orElseThrow(() -> new NotFoundException("user", command.userId()));
    boolean sessionIsTheUsers =
        command
            .sessionId()
            .map(
                id ->
                    sessions
                        .find(id)
                        .filter(s -> s.userId().equals(user.id()))
                        .filter(s -> s.environmentId().equals(environment.id()))
                        .filter(s -> s.isActive(now))
                        .isPresent())
            .orElse(true);
    if (!sessionIsTheUsers) {
      throw new NotFoundException("session", command.sessionId().get());
    }
    return mint.mint(
        environment,
        user.id(),
        command.sessionId(),
        command.scopes(),
        command.method(),
        command.origin(),
        now);
  }

  @Override
  public Introspection introspect(IntrospectCommand command) {
    Optional<ElevatedToken> found = recordOf(command.token(), command);
    if (found.isEmpty()) {
      return Introspection.inactive();
    }
    ElevatedToken token = found.get();
    Instant now = clock.instant();
    if (sessionIsOver(token, now)) {
      // A token lives no longer than the session it was earned in, idle timeout included.
      if (command.consume()) {
        audit
            .event(AuditEventType.TOKEN_REFUSED, command.environmentId(), command.origin())
            .user(token.userId())
            .session(token.sessionId())
            .scopes(token.scopes())
            .method(token.method())
            .failure("session_ended");
      }
      return Introspection.inactive();
    }
    if (!command.consume()) {
      boolean active =
          token.state(now) == TokenState.ACTIVE
              && command.scope().map(s -> token.covers(s, now)).orElse(true);
      return describe(token, active, now);
    }
    TokenUseOutcome outcome = token.redeem(command.environmentId(), command.scope(), now);
    if (outcome instanceof TokenUseOutcome.Accepted accepted
        && accepted.consumed()
        && !tokens.markConsumed(token.id(), now)) {
      // Another request consumed it between our read and our write.
      ElevatedToken current = tokens.find(token.id()).orElse(token);
      outcome = new TokenUseOutcome.Refused(TokenUseOutcome.Reason.CONSUMED);
      auditUse(command, current, outcome);
      return describe(current, false, now);
    }
    auditUse(command, token, outcome);
    return describe(token, outcome instanceof TokenUseOutcome.Accepted, now);
  }

  private boolean sessionIsOver(ElevatedToken token, Instant now) {
    return token
        .sessionId()
        .map(id -> sessions.find(id).filter(s -> s.isActive(now)).isEmpty())
        .orElse(false);
  }

  private Optional<ElevatedToken> recordOf(String compact, IntrospectCommand command) {
    return signer
        .verify(compact)
        .filter(claims -> claims.environmentId().equals(command.environmentId()))
        .flatMap(claims -> tokens.find(claims.tokenId()));
  }

  private void auditUse(IntrospectCommand command, ElevatedToken token, TokenUseOutcome outcome) {
    var entry =
        audit
            .event(
                outcome instanceof TokenUseOutcome.Accepted
                    ? AuditEventType.TOKEN_CONSUMED
                    : AuditEventType.TOKEN_REFUSED,
                command.environmentId(),
                command.origin())
            .user(token.userId())
            .session(token.sessionId())
            .scopes(command.scope().map(java.util.Set::of).orElse(token.scopes()))
            .method(token.method());
    if (outcome instanceof TokenUseOutcome.Refused refused) {
      entry.failure(refused.reason().name().toLowerCase(java.util.Locale.ROOT));
    } else {
      entry.success(token.id().value());
    }
  }

  /** An inactive token is answered with {@code active: false} alone (RFC 7662 §2.2). */
  private static Introspection describe(ElevatedToken token, boolean active, Instant now) {
    if (!active) {
      return Introspection.inactive();
    }
    return new Introspection(
        true,
        Optional.of(token.userId()),
        token.sessionId(),
        token.scopes(),
        token.singleUse(),
        Optional.of(token.expiresAt()),
        Optional.of(token.state(now)),
        token.amr(),
        Optional.of(token.acr().wire()),
        Optional.of(token.authTime()));
  }

  @Override
  public void revoke(RevokeCommand command) {
    signer
        .verify(command.token())
        .filter(claims -> claims.environmentId().equals(command.environmentId()))
        .ifPresent(
            claims ->
                revokeById(
                    command.environmentId(), claims.tokenId(), command.actor(), command.origin()));
  }

  @Override
  public boolean revokeById(
      EnvironmentId environmentId, ElevatedTokenId tokenId, String actor, RequestOrigin origin) {
    Optional<ElevatedToken> found =
        tokens.find(tokenId).filter(t -> t.environmentId().equals(environmentId));
    if (found.isEmpty()) {
      return false;
    }
    ElevatedToken token = found.get();
    if (!tokens.markRevoked(token.id(), clock.instant())) {
      return false;
    }
    audit
        .event(AuditEventType.TOKEN_REVOKED, environmentId, origin)
        .user(token.userId())
        .session(token.sessionId())
        .scopes(token.scopes())
        .actor(actor)
        .success(token.id().value());
    return true;
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
