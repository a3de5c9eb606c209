package dev.stepup.application.service.version;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.version.CountLegacyMfaUseCase;
import dev.stepup.application.port.in.version.SetMinimumApiVersionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.version.LegacyUseCount;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** The environment's minimum API version, and how much of the retiring API is still in use. */
public final class ApiVersionService implements SetMinimumApiVersionUseCase, CountLegacyMfaUseCase {

  private final Environments environments;
  private final LegacyMfaUses uses;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public ApiVersionService(
      Environments environments,
      LegacyMfaUses uses,
      AuditTrail auditTrail,
      TransactionRunner transactions,
      Clock clock) {
    this.environments = environments;
    this.uses = uses;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public Environment setMinimum(Command command) {
    return transactions.inTransaction(
        () -> {
          Environment environment =
              environments
                  .find(command.id())
                  .orElseThrow(() -> new NotFoundException("environment", command.id()));
          environment.requireApiVersion(command.minimum());
          environments.save(environment);
          audit
              .event(AuditEventType.SETTINGS_CHANGED, command.id(), command.origin())
              .actor(command.actor())
              .success("minimum API version " + command.minimum().label());
          return environment;
        });
  }

  @Override
  public List<LegacyUseCount> lastThirtyDays(EnvironmentId environmentId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return uses.countSince(environmentId, today.minusDays(DAYS - 1L)).stream()
        .sorted(Comparator.comparingLong(LegacyUseCount::count).reversed())
        .toList();
  }
}
