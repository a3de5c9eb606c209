package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.externalauth.ExchangeTokenCommand;
import dev.stepup.application.port.in.externalauth.ExchangeTokenUseCase;
import dev.stepup.application.port.in.externalauth.ExchangedSession;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.externalauth.ExternalIdentityProviders;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExchangeVerdict;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import dev.stepup.domain.externalauth.ExternalTokenClaims;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.session.SessionTimeouts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 8693 token exchange: the trusted provider's JWT, verified (signature by a published key,
 * allowed algorithm) and judged (issuer, audience, lifetime), becomes a session of the user that
 * provider subject is here — created on first sight.
 */
public final class TokenExchangeService implements ExchangeTokenUseCase {

  /** How a session started by exchange is named in the audit trail. */
  public static final String METHOD = "external_idp";

  private final Environments environments;
  private final ExternalIdentityProviders providers;
  private final ExternalTokenVerifier verifier;
  private final ExternalUsers externalUsers;
  private final Sessions sessions;
  private final SecretHasher hasher;
  private final SessionTimeouts timeouts;
  private final Audit audit;
  private final RefusalThrottle throttle;
  private final Clock clock;

  public TokenExchangeService(
      Environments environments,
      ExternalIdentityProviders providers,
      ExternalTokenVerifier verifier,
      ExternalUsers externalUsers,
      Sessions sessions,
      SecretHasher hasher,
      SessionTimeouts timeouts,
      SignInTallies tallies,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.providers = providers;
    this.verifier = verifier;
    this.externalUsers = externalUsers;
    this.sessions = sessions;
    this.hasher = hasher;
    this.timeouts = timeouts;
    this.audit = new Audit(auditTrail, clock);
    this.throttle =
        new RefusalThrottle(
            "exchange", AuditEventType.TOKEN_EXCHANGE_REFUSED, METHOD, tallies, audit, clock);
    this.clock = clock;
  }

  @Override
  public ExchangedSession exchange(ExchangeTokenCommand command) {
    EnvironmentId environmentId = command.environmentId();
    if (environments.find(environmentId).isEmpty()) {
      throw new NotFoundException("environment", environmentId);
    }
    throttle.ensureOpen(environmentId, command.origin());
    if (!ExchangeTokenCommand.JWT_TOKEN_TYPE.equals(command.subjectTokenType())) {
      throw refused(command, RefusalReason.UNSUPPORTED_SUBJECT_TOKEN_TYPE);
    }
    ExternalIdentityProvider provider =
        providers
            .find(environmentId)
            .orElseThrow(() -> refused(command, RefusalReason.EXTERNAL_IDP_NOT_CONFIGURED));
    ExternalTokenClaims claims;
    try {
      claims = verifier.verify(command.subjectToken(), provider.jwksUrl());
    } catch (ExternalTokenVerifier.Rejected rejected) {
      throw refused(command, reasonFor(rejected.problem()));
    } catch (ExternalTokenVerifier.Unavailable unavailable) {
      throw refused(command, RefusalReason.PROVIDER_UNAVAILABLE).about("The identity provider");
    }
    Instant now = clock.instant();
    if (provider.judge(claims, now) instanceof ExchangeVerdict.Refused refusedVerdict) {
      throw refused(command, reasonFor(refusedVerdict.why()));
    }
    ExternalUsers.Resolved user = externalUsers.resolve(provider, claims, command.origin());
    Session session =
        Session.start(
            new SessionId(RandomTokens.id("ses")),
            environmentId,
            user.userId(),
            Optional.empty(),
            now,
            timeouts);
    String token = RandomTokens.secret("st_");
    sessions.create(session, hasher.digest(token));
    audit
        .event(AuditEventType.SESSION_STARTED, environmentId, command.origin())
        .user(user.userId())
        .session(Optional.of(session.id()))
        .actor(METHOD)
        .success(METHOD + " " + provider.issuer());
    return new ExchangedSession(
        user.userId(),
        user.created(),
        new StartedSession(session.id(), token, session.expiresAt()));
  }

  /**
   * Audits the refusal (behind the gate) and counts it against the caller's address, unless the
   * provider was unreachable: that is not the caller's doing.
   */
  private RefusedException refused(ExchangeTokenCommand command, RefusalReason reason) {
    return throttle.refuse(
        command.environmentId(),
        command.origin(),
        reason,
        reason != RefusalReason.PROVIDER_UNAVAILABLE);
  }

  private static RefusalReason reasonFor(ExternalTokenVerifier.Problem problem) {
    return switch (problem) {
      case MALFORMED -> RefusalReason.SUBJECT_TOKEN_MALFORMED;
      case ALGORITHM_NOT_ALLOWED -> RefusalReason.SUBJECT_TOKEN_ALGORITHM;
      case UNKNOWN_KEY -> RefusalReason.SUBJECT_TOKEN_UNKNOWN_KEY;
      case BAD_SIGNATURE -> RefusalReason.SUBJECT_TOKEN_SIGNATURE;
    };
  }

  private static RefusalReason reasonFor(ExchangeVerdict.Why why) {
    return switch (why) {
      case WRONG_ISSUER -> RefusalReason.SUBJECT_TOKEN_WRONG_ISSUER;
      case WRONG_AUDIENCE -> RefusalReason.SUBJECT_TOKEN_WRONG_AUDIENCE;
      case NO_EXPIRY -> RefusalReason.SUBJECT_TOKEN_NO_EXPIRY;
      case EXPIRED -> RefusalReason.SUBJECT_TOKEN_EXPIRED;
      case NOT_YET_VALID -> RefusalReason.SUBJECT_TOKEN_NOT_YET_VALID;
      case BAD_SUBJECT -> RefusalReason.SUBJECT_TOKEN_BAD_SUBJECT;
    };
  }
}
