package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.session.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One-time codes in memory; conditional updates are synchronized like row updates. */
public final class InMemoryOtpChallenges implements OtpChallenges {
  private final List<OtpChallenge> rows = new ArrayList<>();

  @Override
  public synchronized void add(OtpChallenge challenge) {
    rows.add(copy(challenge));
  }

  @Override
  public synchronized Optional<OtpChallenge> latestForSession(SessionId sessionId) {
    return rows.stream()
        .filter(c -> c.sessionId().equals(sessionId))
        .max(Comparator.comparing(OtpChallenge::issuedAt))
        .map(InMemoryOtpChallenges::copy);
  }

  @Override
  public synchronized List<Instant> sentSince(SessionId sessionId, Instant since) {
    return rows.stream()
        .filter(c -> c.sessionId().equals(sessionId))
        .map(OtpChallenge::issuedAt)
        .filter(t -> !t.isBefore(since))
        .sorted()
        .toList();
  }

  @Override
  public synchronized boolean recordWrongEntry(String challengeId) {
    for (int i = 0; i < rows.size(); i++) {
      OtpChallenge c = rows.get(i);
      if (c.id().equals(challengeId)
          && c.usedAt().isEmpty()
          && c.failedAttempts() < OtpChallenge.MAX_ATTEMPTS) {
        rows.set(i, with(c, c.failedAttempts() + 1, null));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean markUsed(String challengeId, Instant at) {
    for (int i = 0; i < rows.size(); i++) {
      OtpChallenge c = rows.get(i);
      if (c.id().equals(challengeId)
          && c.usedAt().isEmpty()
          && c.failedAttempts() < OtpChallenge.MAX_ATTEMPTS) {
        rows.set(i, with(c, c.failedAttempts(), at));
        return true;
      }
    }
    return false;
  }

  private static OtpChallenge copy(OtpChallenge c) {
    return with(c, c.failedAttempts(), c.usedAt().orElse(null));
  }

  private static OtpChallenge with(OtpChallenge c, int failed, Instant usedAt) {
    return new OtpChallenge(
        c.id(),
        c.environmentId(),
        c.userId(),
        c.sessionId(),
        c.credentialId(),
        c.channel(),
        c.codeDigest(),
        c.issuedAt(),
        c.expiresAt(),
        failed,
        usedAt);
  }
}
