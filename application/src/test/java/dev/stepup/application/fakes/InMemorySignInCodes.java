package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.SignInCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Sign-in codes in memory; conditional updates are synchronized like row updates. */
public final class InMemorySignInCodes implements SignInCodes {
  private final List<SignInCode> rows = new ArrayList<>();

  @Override
  public synchronized void add(SignInCode code) {
    rows.add(copy(code, code.failedAttempts(), code.usedAt().orElse(null)));
  }

  @Override
  public synchronized Optional<SignInCode> latestFor(EnvironmentId environmentId, String email) {
    return rows.stream()
        .filter(c -> c.environmentId().equals(environmentId) && c.email().equals(email))
        .max(Comparator.comparing(SignInCode::issuedAt))
        .map(c -> copy(c, c.failedAttempts(), c.usedAt().orElse(null)));
  }

  @Override
  public synchronized List<Instant> sentSince(
      EnvironmentId environmentId, String email, Instant since) {
    return rows.stream()
        .filter(c -> c.environmentId().equals(environmentId) && c.email().equals(email))
        .map(SignInCode::issuedAt)
        .filter(t -> !t.isBefore(since))
        .sorted()
        .toList();
  }

  @Override
  public synchronized boolean recordWrongEntry(String codeId) {
    return replace(codeId, c -> copy(c, c.failedAttempts() + 1, null));
  }

  @Override
  public synchronized boolean markUsed(String codeId, Instant at) {
    return replace(codeId, c -> copy(c, c.failedAttempts(), at));
  }

  @Override
  public synchronized int deleteExpired(Instant before) {
    int size = rows.size();
    rows.removeIf(c -> c.expiresAt().isBefore(before));
    return size - rows.size();
  }

  private boolean replace(String id, java.util.function.UnaryOperator<SignInCode> change) {
    for (int i = 0; i < rows.size(); i++) {
      SignInCode c = rows.get(i);
      if (c.id().equals(id)
          && c.usedAt().isEmpty()
          && c.failedAttempts() < OtpChallenge.MAX_ATTEMPTS) {
        rows.set(i, change.apply(c));
        return true;
      }
    }
    return false;
  }

  private static SignInCode copy(SignInCode c, int failedAttempts, Instant usedAt) {
    return new SignInCode(
        c.id(),
        c.environmentId(),
        c.email(),
        c.userId(),
        c.codeDigest(),
        c.issuedAt(),
        c.expiresAt(),
        failedAttempts,
        usedAt);
  }
}
