package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.CodeSendGates;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Send gates in memory; claims are compare-and-set like the database's. */
public final class InMemoryCodeSendGates implements CodeSendGates {
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

  @Override
  public Optional<Instant> lastSent(String subject) {
    return Optional.ofNullable(lastSent.get(subject));
  }

  @Override
  public boolean claim(String subject, Optional<Instant> expectedLast, Instant now) {
    if (expectedLast.isEmpty()) {
      return lastSent.putIfAbsent(subject, now) == null;
    }
    return lastSent.replace(subject, expectedLast.get(), now);
  }
}
