package dev.stepup.application.service.user;

import dev.stepup.application.port.in.user.ApiKeyAccess;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Recognises bearer secrets (session tokens and API keys) and audits the refused ones, through a
 * {@link RefusalAuditGate} so a flood cannot fill the audit trail. The presented secret is never
 * audited: only which rule refused it.
 */
public final class CallerRecognition {

  /** Last-use times of API keys are written at most this often, not on every call. */
  private static final Duration API_KEY_USE_RESOLUTION = Duration.ofMinutes(1);

  private static final AuditEventType API_KEY = AuditEventType.API_KEY_REFUSED;
  private static final AuditEventType SESSION = AuditEventType.SESSION_TOKEN_REFUSED;

  private final Environments environments;
  private final Sessions sessions;
  private final ApiKeys apiKeys;
  private final SecretHasher hasher;
  private final Audit audit;
  private final RefusalAuditGate gate;
  private final Clock clock;

  CallerRecognition(
      Environments environments,
      Sessions sessions,
      ApiKeys apiKeys,
      SecretHasher hasher,
      AuditTrail auditTrail,
      RefusalAuditGate gate,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.apiKeys = apiKeys;
    this.hasher = hasher;
    this.audit = new Audit(auditTrail, clock);
    this.gate = gate;
    this.clock = clock;
  }

  /** The active session the token belongs to; refusals are audited when {@code origin} is given. */
  Optional<Session> session(
      EnvironmentId environmentId, String sessionToken, Optional<RequestOrigin> origin) {
    Instant now = clock.instant();
    Optional<Session> found =
        sessionToken == null || !sessionToken.startsWith("st_")
            ? Optional.empty()
            : sessions.findByTokenDigest(hasher.digest(sessionToken));
    if (found.isEmpty()) {
      origin.ifPresent(o -> refused(SESSION, environmentId, o, "unknown session token", now));
      return Optional.empty();
    }
    Session session = found.get();
    if (!session.environmentId().equals(environmentId)) {
      origin.ifPresent(
          o -> refused(SESSION, environmentId, o, "session of another environment", now));
      return Optional.empty();
    }
    if (!session.isActive(now)) {
      origin.ifPresent(o -> refused(SESSION, environmentId, o, "session ended or expired", now));
      return Optional.empty();
    }
    // Every authenticated request keeps the session from idling out; written once a minute.
    if (session.seen(now)) {
      sessions.markSeen(session.id(), now);
    }
    return found;
  }

  /** Whether the key is usable at all (no permission asked); not audited. */
  boolean usableApiKey(EnvironmentId environmentId, String secret) {
    Instant now = clock.instant();
    Optional<ApiKey> key =
        lookUp(secret)
            .filter(k -> k.environmentId().equals(environmentId))
            .filter(k -> k.isUsable(now));
    key.ifPresent(k -> markUsed(k, now));
    return key.isPresent();
  }

  ApiKeyAccess apiKey(
      EnvironmentId environmentId, String secret, ApiPermission needed, RequestOrigin origin) {
    Instant now = clock.instant();
    Optional<ApiKey> found = lookUp(secret);
    if (found.isEmpty()) {
      refused(API_KEY, environmentId, origin, "unknown API key", now);
      return new ApiKeyAccess.Unauthenticated();
    }
    ApiKey key = found.get();
    if (!key.environmentId().equals(environmentId)) {
      refused(API_KEY, environmentId, origin, "API key of another environment", now);
      return new ApiKeyAccess.Unauthenticated();
    }
    ApiKey.Verdict verdict = key.verdict(needed, now);
    if (verdict == ApiKey.Verdict.REVOKED) {
      refused(API_KEY, environmentId, origin, "revoked API key " + key.id(), now);
      return new ApiKeyAccess.Unauthenticated();
    }
    if (verdict == ApiKey.Verdict.EXPIRED) {
      refused(API_KEY, environmentId, origin, "expired API key " + key.id(), now);
      return new ApiKeyAccess.Unauthenticated();
    }
    markUsed(key, now);
    if (verdict == ApiKey.Verdict.NOT_PERMITTED) {
      refused(
          API_KEY,
          environmentId,
          origin,
          "insufficient_permission " + needed.wire() + " for API key " + key.id(),
          now);
      return new ApiKeyAccess.Forbidden(needed, key.permissions());
    }
    return new ApiKeyAccess.Granted(key.id(), key.permissions());
  }

  private Optional<ApiKey> lookUp(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    return apiKeys.findByDigest(hasher.digest(secret));
  }

  private void markUsed(ApiKey key, Instant now) {
    if (key.lastUsedAt().map(t -> t.plus(API_KEY_USE_RESOLUTION).isBefore(now)).orElse(true)) {
      key.markUsed(now);
      apiKeys.save(key);
    }
  }

  /**
   * Audits a refusal if the gate admits it. An environment that does not exist is not written (an
   * attacker could otherwise vary it to get a row per made-up name); the reason says so instead.
   */
  private void refused(
      AuditEventType type,
      EnvironmentId environmentId,
      RequestOrigin origin,
      String reason,
      Instant now) {
    boolean known = environments.find(environmentId).isPresent();
    String kind = type.wire() + ": " + reason;
    if (!gate.admit(known ? environmentId.value() : "", origin.clientIp(), kind, now)) {
      return;
    }
    if (known) {
      audit.event(type, environmentId, origin).failure(reason);
    } else {
      audit.event(type, null, origin).failure(reason + " (no such environment)");
    }
  }
}
