package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.bootstrap.BootstrapCommand;
import dev.stepup.application.port.in.bootstrap.BootstrapResult;
import dev.stepup.application.port.in.bootstrap.BootstrapUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.AdminAccount;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Prepares a fresh installation once: the {@code demo} environment with default settings, the
 * {@code admin} account and the demo API key, storing only hashes of the secrets.
 */
public final class BootstrapService implements BootstrapUseCase {

  public static final EnvironmentId DEMO = new EnvironmentId("demo");
  public static final String ADMIN_USERNAME = "admin";

  private final Environments environments;
  private final ApiKeys apiKeys;
  private final AdminAccounts admins;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public BootstrapService(
      Environments environments,
      ApiKeys apiKeys,
      AdminAccounts admins,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.apiKeys = apiKeys;
    this.admins = admins;
    this.hasher = hasher;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public BootstrapResult bootstrap(BootstrapCommand command) {
    return transactions.inTransaction(
        () -> {
          if (admins.any()) {
            return new BootstrapResult(false, ADMIN_USERNAME, Optional.empty(), Optional.empty());
          }
          Instant now = clock.instant();
          String password =
              command.adminPassword().orElseGet(() -> RandomTokens.secret("").substring(0, 24));
          admins.save(new AdminAccount(ADMIN_USERNAME, hasher.hashPassword(password), now));
          Optional<String> apiKey =
              command.demoEnvironment() ? Optional.of(createDemo(command, now)) : Optional.empty();
          audit
              .event(
                  AuditEventType.BOOTSTRAP,
                  command.demoEnvironment() ? DEMO : null,
                  RequestOrigin.internal())
              .actor("server")
              .success();
          return new BootstrapResult(
              true,
              ADMIN_USERNAME,
              command.adminPassword().isPresent() ? Optional.empty() : Optional.of(password),
              command.demoApiKey().isPresent() ? Optional.empty() : apiKey);
        });
  }

  /** The demo environment with default settings and its API key; answers the key. */
  private String createDemo(BootstrapCommand command, Instant now) {
    if (environments.find(DEMO).isEmpty()) {
      environments.save(Environment.create(DEMO, "Demo"));
    }
    String apiKey = command.demoApiKey().orElseGet(() -> RandomTokens.secret("sk_demo_"));
    // The demo key may do everything, so the walk-through works with it alone.
    apiKeys.save(
        ApiKey.create(
            RandomTokens.id("key"),
            DEMO,
            "Demo key",
            hasher.digest(apiKey),
            ApiPermission.ALL,
            Optional.empty(),
            now));
    return apiKey;
  }
}
