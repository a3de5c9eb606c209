package dev.stepup.application.service.token;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.token.RevokeElevatedTokenByIdUseCase;
import dev.stepup.application.port.in.token.RevokeElevatedTokenUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues elevated tokens for host backends (through {@link TokenMint}, like every issuance) and
 * revokes them; introspection is {@link IntrospectElevatedTokenService}, listing {@link
 * ListElevatedTokensService}.
 */
public final class ElevatedTokenService
    implements IssueElevatedTokenUseCase,
        RevokeElevatedTokenUseCase,
        RevokeElevatedTokenByIdUseCase {

  /** Tokens issued by a host backend say so in {@code amr}. */
  static final List<String> BACKEND_AMR = ElevatedToken.BACKEND_AMR;

  private final Environments environments;
  private final Users users;
  private final Sessions sessions;
  private final ElevatedTokens tokens;
  private final ElevatedTokenSigner signer;
  private final TokenMint mint;
  private final Audit audit;
  private final TransactionRunner transactions;
  private final Clock clock;

  public ElevatedTokenService(
      Environments environments,
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail auditTrail,
      TransactionRunner transactions,
      Clock clock) {
    this.environments = environments;
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.signer = signer;
    this.mint = new TokenMint(tokens, signer, auditTrail, transactions, clock);
    this.audit = new Audit(auditTrail, clock);
    this.transactions = transactions;
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
        command.operation(),
        command.origin(),
        now);
  }

  @Override
  public void revoke(RevokeCommand command) {
    signer
        .verify(command.token())
        .filter(claims -> claims.environmentId().equals(command.environmentId()))
        .ifPresent(
            claims ->
                revokeById(
                    new RevokeElevatedTokenByIdUseCase.Command(
                        command.environmentId(),
                        claims.tokenId(),
                        command.actor(),
                        command.origin())));
  }

  @Override
  public boolean revokeById(RevokeElevatedTokenByIdUseCase.Command command) {
    EnvironmentId environmentId = command.environmentId();
    ElevatedTokenId tokenId = command.tokenId();
    Optional<ElevatedToken> found =
        tokens.find(tokenId).filter(t -> t.environmentId().equals(environmentId));
    if (found.isEmpty()) {
      return false;
    }
    ElevatedToken token = found.get();
    // The revocation, its audit record and the webhook it queues commit together.
    return transactions.inTransaction(
        () -> {
          if (!tokens.markRevoked(token.id(), clock.instant())) {
            return false;
          }
          audit
              .event(AuditEventType.TOKEN_REVOKED, environmentId, command.origin())
              .user(token.userId())
              .session(token.sessionId())
              .scopes(token.scopes())
              .actor(command.actor())
              .success(token.id().value());
          return true;
        });
  }
}
