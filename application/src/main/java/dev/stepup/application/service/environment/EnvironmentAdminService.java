package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ManageEnvironmentsUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.RedirectAllowList;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Environments and their API keys, as admins manage them in the console. */
public final class EnvironmentAdminService implements ManageEnvironmentsUseCase {

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
  public List<Environment> all() {
    return environments.all();
  }

  @Override
  public Environment create(String id, String name, String actor, RequestOrigin origin) {
    EnvironmentId environmentId;
    try {
      environmentId = new EnvironmentId(id == null ? "" : id.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "id: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
    Environment created = Environment.create(environmentId, checkedName(name));
    transactions.inTransaction(
        () -> {
          if (environments.find(environmentId).isPresent()) {
            throw new IllegalArgumentException("id: an environment '" + id + "' already exists");
          }
          environments.save(created);
        });
    audit
        .event(AuditEventType.ENVIRONMENT_CREATED, environmentId, origin)
        .actor(actor)
        .success(created.name());
    return created;
  }

  @Override
  public Environment rename(EnvironmentId id, String name, String actor, RequestOrigin origin) {
    Environment environment = existing(id);
    environment.rename(checkedName(name));
    environments.save(environment);
    audit
        .event(AuditEventType.ENVIRONMENT_RENAMED, id, origin)
        .actor(actor)
        .success(environment.name());
    return environment;
  }

  @Override
  public Environment allowRedirects(
      EnvironmentId id, List<String> entries, String actor, RequestOrigin origin) {
    Environment environment = existing(id);
    environment.allowRedirects(RedirectAllowList.of(entries));
    environments.save(environment);
    audit
        .event(AuditEventType.REDIRECTS_CHANGED, id, origin)
        .actor(actor)
        .success(environment.redirects().entries().size() + " allowed");
    return environment;
  }

  @Override
  public Environment allowSignUp(
      EnvironmentId id, boolean allowed, String actor, RequestOrigin origin) {
    Environment environment = existing(id);
    environment.allowSignUp(allowed);
    environments.save(environment);
    audit
        .event(AuditEventType.SETTINGS_CHANGED, id, origin)
        .actor(actor)
        .success(allowed ? "sign-up allowed" : "sign-up not allowed");
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
  public CreatedApiKey createApiKey(
      EnvironmentId id,
      String name,
      Set<ApiPermission> permissions,
      Optional<Instant> expiresAt,
      String actor,
      RequestOrigin origin) {
    existing(id);
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("name: give the key a name of 1-100 characters");
    }
    if (permissions == null || permissions.isEmpty()) {
      throw new IllegalArgumentException("permissions: choose at least one permission");
    }
    String secret = RandomTokens.secret("sk_" + id.value().replace('-', '_') + "_");
    ApiKey key =
        ApiKey.create(
            RandomTokens.id("key"),
            id,
            name,
            hasher.digest(secret),
            permissions,
            expiresAt,
            clock.instant());
    apiKeys.save(key);
    // The audit names what the key may do and until when; never its secret.
    audit
        .event(AuditEventType.API_KEY_CREATED, id, origin)
        .actor(actor)
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
  public boolean revokeApiKey(EnvironmentId id, String keyId, String actor, RequestOrigin origin) {
    Instant now = clock.instant();
    ApiKey key =
        apiKeys.forEnvironment(id).stream()
            .filter(k -> k.id().equals(keyId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("API key", keyId));
    if (!key.revoke(now)) {
      return false;
    }
    apiKeys.save(key);
    audit.event(AuditEventType.API_KEY_REVOKED, id, origin).actor(actor).success(key.id());
    return true;
  }

  private Environment existing(EnvironmentId id) {
    return environments.find(id).orElseThrow(() -> new NotFoundException("environment", id));
  }

  private static String checkedName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("name: give the environment a name of 1-100 characters");
    }
    return name.strip();
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
