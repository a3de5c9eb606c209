package dev.stepup.application.fakes;

import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.version.LegacyMfaUse;
import dev.stepup.domain.version.LegacyUseCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Legacy MFA uses kept in memory, one entry per use. */
public final class InMemoryLegacyMfaUses implements LegacyMfaUses {
  private record Use(
      EnvironmentId environmentId, LocalDate day, LegacyMfaUse use, ApiVersion version) {}

  private record Key(LegacyMfaUse use, ApiVersion version) {}

  private final List<Use> uses = new CopyOnWriteArrayList<>();

  @Override
  public void record(
      EnvironmentId environmentId, LocalDate day, LegacyMfaUse use, ApiVersion version) {
    uses.add(new Use(environmentId, day, use, version));
  }

  @Override
  public List<LegacyUseCount> countSince(EnvironmentId environmentId, LocalDate from) {
    Map<Key, Long> counts =
        uses.stream()
            .filter(u -> u.environmentId().equals(environmentId) && !u.day().isBefore(from))
            .collect(
                Collectors.groupingBy(u -> new Key(u.use(), u.version()), Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> new LegacyUseCount(e.getKey().use(), e.getKey().version(), e.getValue()))
        .toList();
  }
}
