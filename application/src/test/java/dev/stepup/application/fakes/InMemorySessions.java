package dev.stepup.application.fakes;

import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions kept in memory, found by id or by token digest. */
public final class InMemorySessions implements Sessions {
  private final Map<SessionId, Session> byId = new ConcurrentHashMap<>();
  private final Map<String, SessionId> byDigest = new ConcurrentHashMap<>();

  @Override
  public void create(Session session, String tokenDigest) {
    byId.put(session.id(), copy(session));
    byDigest.put(tokenDigest, session.id());
  }

  @Override
  public Optional<Session> find(SessionId id) {
    return Optional.ofNullable(byId.get(id)).map(InMemorySessions::copy);
  }

  @Override
  public Optional<Session> findByTokenDigest(String tokenDigest) {
    return Optional.ofNullable(byDigest.get(tokenDigest)).flatMap(this::find);
  }

  @Override
  public void save(Session session) {
    byId.put(session.id(), copy(session));
  }

  @Override
  public void markSeen(SessionId id, Instant at) {
    byId.computeIfPresent(
        id,
        (k, s) ->
            s.endedAt().isPresent() || !s.lastSeenAt().isBefore(at)
                ? s
                : new Session(
                    s.id(),
                    s.environmentId(),
                    s.userId(),
                    s.signInCredentialId(),
                    s.createdAt(),
                    s.expiresAt(),
                    at,
                    s.idleTimeout(),
                    null));
  }

  @Override
  public List<Session> openOf(EnvironmentId environmentId, UserId userId, Instant now) {
    return all().stream()
        .filter(s -> s.environmentId().equals(environmentId) && s.userId().equals(userId))
        .filter(s -> s.endedAt().isEmpty() && now.isBefore(s.expiresAt()))
        .sorted(
            Comparator.comparing(Session::createdAt).reversed().thenComparing(s -> s.id().value()))
        .toList();
  }

  @Override
  public List<Session> openSignedInWith(CredentialId credentialId, Instant now) {
    return all().stream()
        .filter(s -> s.signInCredentialId().filter(credentialId::equals).isPresent())
        .filter(s -> s.endedAt().isEmpty() && now.isBefore(s.expiresAt()))
        .sorted(Comparator.comparing(Session::createdAt).thenComparing(s -> s.id().value()))
        .toList();
  }

  /** Every stored session, for fakes that search them. */
  public List<Session> all() {
    return byId.values().stream().map(InMemorySessions::copy).toList();
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
