package dev.stepup.application.fakes;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads back and counts what a {@link RecordingAuditTrail} recorded, as the database would. */
public final class RecordedAuditLog implements AuditLog, AuditStatistics {
  private final RecordingAuditTrail trail;

  public RecordedAuditLog(RecordingAuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public List<AuditEvent> search(Query q) {
    List<AuditEvent> newestFirst = new ArrayList<>(trail.events());
    Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(e -> q.environmentId().isEmpty() || e.environmentId().equals(q.environmentId()))
        .filter(e -> q.userId().isEmpty() || e.userId().equals(q.userId()))
        .filter(e -> q.type().map(t -> t == e.type()).orElse(true))
        .filter(e -> q.outcome().map(o -> o == e.outcome()).orElse(true))
        .skip((long) q.page() * q.pageSize())
        .limit(q.pageSize())
        .toList();
  }

  @Override
  public List<Count> countSince(EnvironmentId environmentId, Instant since) {
    Map<List<Object>, Count> counts = new LinkedHashMap<>();
    for (AuditEvent e : trail.events()) {
      if (!e.environmentId().filter(environmentId::equals).isPresent() || e.at().isBefore(since)) {
        continue;
      }
      List<Object> key = List.of(e.type(), e.outcome(), e.method());
      Count was = counts.get(key);
      counts.put(
          key, new Count(e.type(), e.outcome(), e.method(), was == null ? 1 : was.count() + 1));
    }
    return List.copyOf(counts.values());
  }

  @Override
  public List<ScopeCount> countByScopeSince(
      EnvironmentId environmentId, AuditEventType type, Instant since) {
    Map<List<Object>, Long> counts = new LinkedHashMap<>();
    for (AuditEvent e : trail.events()) {
      if (!e.environmentId().filter(environmentId::equals).isPresent()
          || e.type() != type
          || e.at().isBefore(since)) {
        continue;
      }
      for (Scope scope : e.scopes()) {
        counts.merge(List.of(scope, e.reason()), 1L, Long::sum);
      }
    }
    List<ScopeCount> found = new ArrayList<>();
    counts.forEach(
        (key, n) -> {
          @SuppressWarnings("unchecked")
          Optional<String> reason = (Optional<String>) key.get(1);
          found.add(new ScopeCount((Scope) key.get(0), reason, n));
        });
    return List.copyOf(found);
  }
}
