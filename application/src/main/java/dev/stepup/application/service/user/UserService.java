package dev.stepup.application.service.user;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.user.ApiKeyAccess;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.application.port.out.wallet.WalletKeys;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users, their sessions, and recognising callers by bearer secrets. */
public final class UserService
    implements CreateUserUseCase,
        GetUserUseCase,
        StartSessionUseCase,
        AuthenticateCallerUseCase,
        EndSessionUseCase {

  /** How long a signed-in session lasts by default. */
  public static final Duration SESSION_LIFETIME = SessionTimeouts.DEFAULT_LIFETIME;

  private final Environments environments;
  private final Users users;
  private final Sessions sessions;
  private final ElevatedTokens tokens;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final SessionTimeouts timeouts;
  private final Audit audit;
  private final CallerRecognition callers;
  private final UserRegistration registration;
  private final Clock clock;

  public UserService(
      Environments environments,
      Users users,
      Sessions sessions,
      ApiKeys apiKeys,
      ElevatedTokens tokens,
      EmbeddedWallets wallets,
      WalletKeys walletKeys,
      SecretCipher cipher,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock,
      SessionTimeouts timeouts) {
    this.environments = environments;
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.hasher = hasher;
    this.transactions = transactions;
    this.timeouts = timeouts;
    this.audit = new Audit(auditTrail, clock);
    this.callers =
        new CallerRecognition(
            environments, sessions, apiKeys, hasher, auditTrail, new RefusalAuditGate(), clock);
    this.registration =
        new UserRegistration(users, wallets, walletKeys, cipher, transactions, audit, clock);
    this.clock = clock;
  }

  @Override
  public User create(CreateUserCommand command) {
    requireEnvironment(command.environmentId());
    return registration.create(command);
  }

  @Override
  public User get(EnvironmentId environmentId, UserId userId) {
    return users
        .find(environmentId, userId)
        .orElseThrow(() -> new NotFoundException("user", userId));
  }

  @Override
  public StartedSession start(StartSessionCommand command) {
    requireEnvironment(command.environmentId());
    User user = get(command.environmentId(), command.userId());
    if (command.signInCredentialId().isPresent()
        && user.credential(command.signInCredentialId().get()).isEmpty()) {
      throw new IllegalArgumentException(
          "signInCredentialId: the user has no credential " + command.signInCredentialId().get());
    }
    Instant now = clock.instant();
    Session session =
        Session.start(
            new SessionId(RandomTokens.id("ses")),
            command.environmentId(),
            user.id(),
            command.signInCredentialId(),
            now,
            timeouts);
    String token = RandomTokens.secret("st_");
    sessions.create(session, hasher.digest(token));
    audit
        .event(AuditEventType.SESSION_STARTED, command.environmentId(), command.origin())
        .user(user.id())
        .session(Optional.of(session.id()))
        .success();
    return new StartedSession(session.id(), token, session.expiresAt());
  }

  @Override
  public Optional<Session> session(EnvironmentId environmentId, String sessionToken) {
    return callers.session(environmentId, sessionToken, Optional.empty());
  }

  @Override
  public Optional<Session> session(
      EnvironmentId environmentId, String sessionToken, RequestOrigin origin) {
    return callers.session(environmentId, sessionToken, Optional.of(origin));
  }

  @Override
  public boolean apiKey(EnvironmentId environmentId, String apiKey) {
    return callers.usableApiKey(environmentId, apiKey);
  }

  @Override
  public ApiKeyAccess apiKey(
      EnvironmentId environmentId, String apiKey, ApiPermission needed, RequestOrigin origin) {
    return callers.apiKey(environmentId, apiKey, needed, origin);
  }

  @Override
  public void end(EndSessionUseCase.Command command) {
    EnvironmentId environmentId = command.environmentId();
    SessionId sessionId = command.sessionId();
    RequestOrigin origin = command.origin();
    Instant now = clock.instant();
    Session session =
        sessions
            .find(sessionId)
            .filter(s -> s.environmentId().equals(environmentId))
            .orElseThrow(() -> new NotFoundException("session", sessionId));
    transactions.inTransaction(() -> SessionEnding.end(sessions, tokens, List.of(session), now));
    audit
        .event(AuditEventType.SESSION_ENDED, environmentId, origin)
        .user(session.userId())
        .session(Optional.of(session.id()))
        .success();
  }

  private void requireEnvironment(EnvironmentId id) {
    if (environments.find(id).isEmpty()) {
      throw new NotFoundException("environment", id);
    }
  }
}
