package dev.stepup.application.port.out.verification;

import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One-time codes sent to sessions, stored as digests. */
public interface OtpChallenges {

  void add(OtpChallenge challenge);

  /** The session's most recently sent code; earlier ones no longer count. */
  Optional<OtpChallenge> latestForSession(SessionId sessionId);

  /** When codes were sent to the session at or after {@code since}, oldest first. */
  List<Instant> sentSince(SessionId sessionId, Instant since);

  /**
   * Counts one wrong entry, only while the code is unused and below the attempt limit; returns
   * whether it was counted (false: the code was already spent or dead).
   */
  boolean recordWrongEntry(String challengeId);

  /** Marks the code used, only if unused and below the attempt limit; exactly one caller wins. */
  boolean markUsed(String challengeId, Instant at);
}
