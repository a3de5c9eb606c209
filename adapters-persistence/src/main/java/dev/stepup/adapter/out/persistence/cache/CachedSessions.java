package dev.stepup.adapter.out.persistence.cache;

import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions, read through a cache: every request with a session token looks its session up (ADR
 * 0017). A token digest always names the same session, so that mapping is kept; the session itself
 * is cached by id and dropped whenever it is ended or its use is recorded.
 */
public final class CachedSessions implements Sessions {

  private static final int MAX_ENTRIES = 50_000;

  private final Sessions stored;
  private final ReadCache<SessionId, Session> byId;
  private final Map<String, SessionId> idByDigest = new ConcurrentHashMap<>();

  public CachedSessions(Sessions stored, Duration ttl) {
    this(stored, ttl, CacheChanges.NONE);
  }

  public CachedSessions(Sessions stored, Duration ttl, CacheChanges news) {
    this.stored = stored;
    this.byId =
        new ReadCache<>("sessions", ttl, MAX_ENTRIES, CachedSessions::copy, SessionId::value, news);
  }

  @Override
  public void create(Session session, String tokenDigest) {
    stored.create(session, tokenDigest);
  }

  @Override
  public Optional<Session> find(SessionId id) {
    return byId.get(id, () -> stored.find(id));
  }

  @Override
  public Optional<Session> findByTokenDigest(String tokenDigest) {
    SessionId known = idByDigest.get(tokenDigest);
    if (known != null) {
      return find(known);
    }
    Optional<Session> found = stored.findByTokenDigest(tokenDigest);
    found.ifPresent(
        session -> {
          if (idByDigest.size() >= MAX_ENTRIES) {
            idByDigest.clear();
          }
          idByDigest.put(tokenDigest, session.id());
        });
    return found;
  }

  @Override
  public void save(Session session) {
    stored.save(session);
    byId.forget(session.id());
  }

  @Override
  public void markSeen(SessionId id, Instant at) {
    stored.markSeen(id, at);
    byId.forget(id);
  }

  @Override
  public List<Session> openOf(EnvironmentId environmentId, UserId userId, Instant now) {
    return stored.openOf(environmentId, userId, now);
  }

  @Override
  public List<Session> openSignedInWith(CredentialId credentialId, Instant now) {
    return stored.openSignedInWith(credentialId, now);
  }

  private static Session copy(Session s) {
    return new Session(
        s.id(),
        s.environmentId(),
        s.userId(),
        s.signInCredentialId(),
        s.createdAt(),
        s.expiresAt(),
        s.lastSeenAt(),
        s.idleTimeout(),
        s.endedAt().orElse(null));
  }
}
