package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.Environment.Reconfiguration;
import java.time.Clock;

/** Applies an admin's step-up settings to an environment, audited with the admin's name. */
public final class ConfigureStepUpService implements ConfigureStepUpUseCase {

  private final Environments environments;
  private final TransactionRunner transactions;
  private final Audit audit;

  public ConfigureStepUpService(
      Environments environments,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
  }

  @Override
  public ConfigureStepUpResult configure(ConfigureStepUpCommand command) {
    return transactions.inTransaction(
        () -> {
          Environment environment =
              environments
                  .find(command.environmentId())
                  .orElseThrow(() -> new NotFoundException("environment", command.environmentId()));
          Reconfiguration outcome = environment.reconfigure(command.proposed());
          var entry =
              audit
                  .event(AuditEventType.SETTINGS_CHANGED, environment.id(), command.origin())
                  .actor(command.actor());
          if (outcome instanceof Reconfiguration.Rejected rejected) {
            entry.failure("incoherent_settings");
            return new ConfigureStepUpResult.Rejected(rejected.problems());
          }
          environments.save(environment);
          entry.success();
          return new ConfigureStepUpResult.Applied(environment.settings());
        });
  }
}
