package dev.stepup.application.fakes;

import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.domain.social.SocialLogin;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Social logins in memory; completing, identifying and linking are compare-and-sets like rows. */
public final class InMemorySocialLogins implements SocialLogins {
  private final Map<String, SocialLogin> byId = new HashMap<>();
  private final Map<String, String> idByState = new HashMap<>();

  @Override
  public synchronized void add(SocialLogin login, String stateDigest) {
    if (byId.putIfAbsent(login.id(), login) != null) {
      throw new IllegalStateException("duplicate social login id " + login.id());
    }
    idByState.put(stateDigest, login.id());
  }

  @Override
  public synchronized Optional<SocialLogin> findByState(String stateDigest) {
    return Optional.ofNullable(idByState.get(stateDigest)).map(byId::get);
  }

  @Override
  public synchronized Optional<SocialLogin> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized boolean complete(String id, Instant now) {
    SocialLogin l = byId.get(id);
    if (l == null || l.completedAt().isPresent()) {
      return false;
    }
    byId.put(id, with(l, Optional.of(now), l.subject(), l.email(), l.linkedAt()));
    return true;
  }

  @Override
  public synchronized void identify(String id, String subject, Optional<String> email) {
    SocialLogin l = byId.get(id);
    // As the row's update: only a completed login not yet identified.
    if (l != null && l.completedAt().isPresent() && l.subject().isEmpty()) {
      byId.put(id, with(l, l.completedAt(), Optional.of(subject), email, l.linkedAt()));
    }
  }

  @Override
  public synchronized boolean markLinked(String id, Instant now) {
    SocialLogin l = byId.get(id);
    if (l == null || l.subject().isEmpty() || l.linkedAt().isPresent()) {
      return false;
    }
    byId.put(id, with(l, l.completedAt(), l.subject(), l.email(), Optional.of(now)));
    return true;
  }

  @Override
  public synchronized void deleteStartedBefore(Instant cutoff) {
    byId.values().removeIf(l -> l.startedAt().isBefore(cutoff));
    idByState.values().removeIf(id -> !byId.containsKey(id));
  }

  private static SocialLogin with(
      SocialLogin l,
      Optional<Instant> completed,
      Optional<String> subject,
      Optional<String> email,
      Optional<Instant> linked) {
    return new SocialLogin(
        l.id(),
        l.environmentId(),
        l.userId(),
        l.sessionId(),
        l.provider(),
        l.purpose(),
        l.scopes(),
        l.redirectUri(),
        l.nonce(),
        l.codeVerifier(),
        l.startedAt(),
        completed,
        subject,
        email,
        linked);
  }
}
