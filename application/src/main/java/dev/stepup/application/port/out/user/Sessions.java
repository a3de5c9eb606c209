package dev.stepup.application.port.out.user;

import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import java.util.Optional;

/** Signed-in sessions, found by the digest of their bearer token. */
public interface Sessions {

  /** Stores a new session with the digest of its bearer token (never the token itself). */
  void create(Session session, String tokenDigest);

  Optional<Session> find(SessionId id);

  Optional<Session> findByTokenDigest(String tokenDigest);

  /** Stores that the session ended. */
  void save(Session session);
}
