package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.AllowSignUpUseCase;
import dev.stepup.application.port.in.environment.ApiKeySummary;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.CreatedApiKey;
import dev.stepup.application.port.in.environment.ListApiKeysUseCase;
import dev.stepup.application.port.in.environment.RenameEnvironmentUseCase;
import dev.stepup.application.port.in.environment.RevokeApiKeyUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.RedirectAllowList;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Environments and their API keys, as admins manage them in the console. */
public final class EnvironmentAdminService
    implements CreateEnvironmentUseCase,
        RenameEnvironmentUseCase,
        AllowRedirectsUseCase,
        AllowBrowserOriginsUseCase,
        AllowSignUpUseCase,
        ListApiKeysUseCase,
        CreateApiKeyUseCase,
        RevokeApiKeyUseCase {

  private final Environments environments;
  private final ApiKeys apiKeys;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public EnvironmentAdminService(
      Environments environments,
      ApiKeys apiKeys,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.apiKeys = apiKeys;
    this.hasher = hasher;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public Environment create(CreateEnvironmentUseCase.Command command) {
    EnvironmentId environmentId = command.id();
    Environment created = Environment.create(environmentId, command.name());
    transactions.inTransaction(
        () -> {
          if (environments.find(environmentId).isPresent()) {
            throw new IllegalArgumentException(
                "id: an environment '" + environmentId.value() + "' already exists");
          }
          environments.save(created);
        });
    audit
        .event(AuditEventType.ENVIRONMENT_CREATED, environmentId, command.origin())
        .actor(command.actor())
        .success(created.name());
    return created;
  }

  @Override
  public Environment rename(RenameEnvironmentUseCase.Command command) {
    Environment environment = existing(command.id());
    environment.rename(command.name());
    environments.save(environment);
    audit
        .event(AuditEventType.ENVIRONMENT_RENAMED, command.id(), command.origin())
        .actor(command.actor())
        .success(environment.name());
    return environment;
  }

  @Override
  public Environment allowRedirects(AllowRedirectsUseCase.Command command) {
    Environment environment = existing(command.id());
    environment.allowRedirects(RedirectAllowList.of(command.entries()));
    environments.save(environment);
    audit
        .event(AuditEventType.REDIRECTS_CHANGED, command.id(), command.origin())
        .actor(command.actor())
        .success(environment.redirects().entries().size() + " allowed");
    return environment;
  }

  @Override
  public Environment allowBrowserOrigins(AllowBrowserOriginsUseCase.Command command) {
    Environment environment = existing(command.id());
    environment.allowBrowserOrigins(BrowserOrigins.of(command.entries()));
    environments.save(environment);
    // Origins are public (every browser sends them); the audit names them so a change is visible.
    audit
        .event(AuditEventType.BROWSER_ORIGINS_CHANGED, command.id(), command.origin())
        .actor(command.actor())
        .success(abbreviated(String.join(" ", environment.browserOrigins().entries())));
    return environment;
  }

  private static String abbreviated(String text) {
    return text.length() > 250 ? text.substring(0, 249) + "…" : text;
  }

  @Override
  public Environment allowSignUp(AllowSignUpUseCase.Command command) {
    Environment environment = existing(command.id());
    environment.allowSignUp(command.allowed());
    environments.save(environment);
    audit
        .event(AuditEventType.SETTINGS_CHANGED, command.id(), command.origin())
        .actor(command.actor())
        .success(command.allowed() ? "sign-up allowed" : "sign-up not allowed");
    return environment;
  }

  @Override
  public List<ApiKeySummary> apiKeys(EnvironmentId id) {
    existing(id);
    return apiKeys.forEnvironment(id).stream()
        .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
        .map(EnvironmentAdminService::summary)
        .toList();
  }

  @Override
  public CreatedApiKey createApiKey(CreateApiKeyUseCase.Command command) {
    EnvironmentId id = command.id();
    existing(id);
    String secret = RandomTokens.secret("sk_" + id.value().replace('-', '_') + "_");
    ApiKey key =
        ApiKey.create(
            RandomTokens.id("key"),
            id,
            command.name(),
            hasher.digest(secret),
            command.permissions(),
            command.expiresAt(),
            clock.instant());
    apiKeys.save(key);
    // The audit names what the key may do and until when; never its secret.
    audit
        .event(AuditEventType.API_KEY_CREATED, id, command.origin())
        .actor(command.actor())
        .success(
            key.id()
                + " "
                + key.permissions().stream()
                    .map(ApiPermission::wire)
                    .collect(Collectors.joining(" "))
                + key.expiresAt().map(at -> " until " + at).orElse(""));
    return new CreatedApiKey(summary(key), secret);
  }

  @Override
  public boolean revokeApiKey(RevokeApiKeyUseCase.Command command) {
    Instant now = clock.instant();
    ApiKey key =
        apiKeys.forEnvironment(command.id()).stream()
            .filter(k -> k.id().equals(command.keyId()))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("API key", command.keyId()));
    if (!key.revoke(now)) {
      return false;
    }
    apiKeys.save(key);
    audit
        .event(AuditEventType.API_KEY_REVOKED, command.id(), command.origin())
        .actor(command.actor())
        .success(key.id());
    return true;
  }

  private Environment existing(EnvironmentId id) {
    return environments.find(id).orElseThrow(() -> new NotFoundException("environment", id));
  }

  private static ApiKeySummary summary(ApiKey key) {
    return new ApiKeySummary(
        key.id(),
        key.name(),
        key.createdAt(),
        key.lastUsedAt(),
        key.revokedAt(),
        key.permissions(),
        key.expiresAt());
  }
}
