package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.session.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Pending contact proofs in memory; conditional updates are synchronized like row updates. */
public final class InMemoryContactProofs implements ContactProofs {
  private final List<ContactProof> rows = new ArrayList<>();

  @Override
  public synchronized void add(ContactProof proof) {
    rows.add(copy(proof, proof.failedAttempts(), proof.usedAt()));
  }

  @Override
  public synchronized Optional<ContactProof> find(String proofId) {
    return rows.stream()
        .filter(p -> p.id().equals(proofId))
        .findFirst()
        .map(InMemoryContactProofs::copy);
  }

  @Override
  public synchronized Optional<ContactProof> latestForSession(SessionId sessionId) {
    return rows.stream()
        .filter(p -> p.sessionId().equals(sessionId))
        .max(Comparator.comparing(ContactProof::issuedAt))
        .map(InMemoryContactProofs::copy);
  }

  @Override
  public synchronized List<Instant> sentSince(SessionId sessionId, Instant since) {
    return rows.stream()
        .filter(p -> p.sessionId().equals(sessionId))
        .map(ContactProof::issuedAt)
        .filter(t -> !t.isBefore(since))
        .sorted()
        .toList();
  }

  @Override
  public synchronized boolean recordWrongEntry(String proofId) {
    return replace(proofId, p -> copy(p, p.failedAttempts() + 1, Optional.empty()));
  }

  @Override
  public synchronized boolean markUsed(String proofId, Instant at) {
    return replace(proofId, p -> copy(p, p.failedAttempts(), Optional.of(at)));
  }

  @Override
  public synchronized int deleteExpired(Instant before) {
    int size = rows.size();
    rows.removeIf(p -> p.expiresAt().isBefore(before));
    return size - rows.size();
  }

  /** Every proof ever added and not yet forgotten, for tests that look behind the port. */
  public synchronized List<ContactProof> all() {
    return rows.stream().map(InMemoryContactProofs::copy).toList();
  }

  private boolean replace(String id, UnaryOperator<ContactProof> change) {
    for (int i = 0; i < rows.size(); i++) {
      ContactProof p = rows.get(i);
      if (p.id().equals(id)
          && p.usedAt().isEmpty()
          && p.failedAttempts() < OtpChallenge.MAX_ATTEMPTS) {
        rows.set(i, change.apply(p));
        return true;
      }
    }
    return false;
  }

  private static ContactProof copy(ContactProof p) {
    return copy(p, p.failedAttempts(), p.usedAt());
  }

  private static ContactProof copy(ContactProof p, int failedAttempts, Optional<Instant> usedAt) {
    return new ContactProof(
        p.id(),
        p.environmentId(),
        p.userId(),
        p.sessionId(),
        p.format(),
        p.identifier(),
        p.codeDigest(),
        p.issuedAt(),
        p.expiresAt(),
        failedAttempts,
        usedAt);
  }
}
