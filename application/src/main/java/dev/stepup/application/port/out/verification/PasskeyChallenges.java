package dev.stepup.application.port.out.verification;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** WebAuthn ceremonies awaiting the authenticator's answer; each one is taken once. */
public interface PasskeyChallenges {

  enum Kind {
    REGISTRATION,
    ASSERTION
  }

  record Pending(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      Kind kind,
      String request,
      String alias,
      Instant expiresAt) {}

  void add(Pending pending);

  /** Removes and answers the pending ceremony; of concurrent takers only one gets it. */
  Optional<Pending> take(String id);

  void deleteExpiredBefore(Instant cutoff);
}
