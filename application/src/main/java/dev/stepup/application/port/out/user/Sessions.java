package dev.stepup.application.port.out.user;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signed-in sessions, found by the digest of their bearer token. */
public interface Sessions {

  /** Stores a new session with the digest of its bearer token (never the token itself). */
  void create(Session session, String tokenDigest);

  Optional<Session> find(SessionId id);

  Optional<Session> findByTokenDigest(String tokenDigest);

  /** Stores that the session ended. */
  void save(Session session);

  /**
   * Stores the session's last use, only if it has not ended and {@code at} is later than the stored
   * time (a late write never moves it back, nor revives an ended session).
   */
  void markSeen(SessionId id, Instant at);

  /**
   * The user's sessions in the environment that are neither ended nor past their absolute expiry at
   * {@code now}, newest first (some may have lapsed by idleness: ask {@link Session#isActive}).
   */
  List<Session> openOf(EnvironmentId environmentId, UserId userId, Instant now);

  /**
   * The sessions signed in with this credential that are neither ended nor expired at {@code now}.
   */
  List<Session> openSignedInWith(CredentialId credentialId, Instant now);
}
