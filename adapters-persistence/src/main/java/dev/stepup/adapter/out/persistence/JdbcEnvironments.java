package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.RedirectAllowList;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Environments with their enabled methods and protected actions. */
public final class JdbcEnvironments implements Environments {

  private final JdbcClient jdbc;

  public JdbcEnvironments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(
      String id, String name, boolean enabled, boolean signUp, String minimumApiVersion) {}

  private record ActionRow(
      String scope,
      boolean isProtected,
      String tokenUse,
      String storedEnforcement,
      String description,
      Integer lifetimeSeconds) {

    /**
     * The rule, or none for a row this build cannot read (a host scope without words, a bad name):
     * a scope that cannot be read is unknown, so it is refused rather than guessed.
     */
    Optional<ProtectedAction> action() {
      Optional<Scope> scope = Scope.fromWire(scope());
      if (scope.isEmpty()) {
        return Optional.empty();
      }
      try {
        Scope defined = scope.get().isBuiltIn() ? scope.get() : Scope.host(scope(), description);
        TokenUse use = TokenUse.valueOf(tokenUse);
        Duration lifetime =
            lifetimeSeconds == null ? use.lifetime() : Duration.ofSeconds(lifetimeSeconds);
        return Optional.of(new ProtectedAction(defined, enforcement(), use, lifetime));
      } catch (IllegalArgumentException unreadable) {
        return Optional.empty();
      }
    }

    /** The stored enforcement; a row written by a node without monitor mode has none (V23). */
    Enforcement enforcement() {
      if (storedEnforcement != null) {
        for (Enforcement e : Enforcement.values()) {
          if (e.name().equals(storedEnforcement)) {
            return e;
          }
        }
      }
      return isProtected ? Enforcement.ENFORCE : Enforcement.OFF;
    }
  }

  @Override
  public Optional<Environment> find(EnvironmentId id) {
    return jdbc.sql(
            "SELECT id, name, step_up_enabled, sign_up_allowed, minimum_api_version"
                + " FROM environments WHERE id = ?")
        .param(id.value())
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getBoolean(4),
                    rs.getString(5)))
        .optional()
        .map(this::load);
  }

  @Override
  public List<Environment> all() {
    return jdbc
        .sql(
            "SELECT id, name, step_up_enabled, sign_up_allowed, minimum_api_version"
                + " FROM environments ORDER BY id")
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getBoolean(4),
                    rs.getString(5)))
        .list()
        .stream()
        .map(this::load)
        .toList();
  }

  private Environment load(Row row) {
    Set<VerificationMethod> methods = EnumSet.noneOf(VerificationMethod.class);
    jdbc.sql("SELECT method FROM environment_methods WHERE environment_id = ?")
        .param(row.id())
        .query(String.class)
        .list()
        .forEach(m -> VerificationMethod.fromWire(m).ifPresent(methods::add));
    Map<Scope, ProtectedAction> actions = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT scope, is_protected, token_use, enforcement, description, lifetime_seconds"
                + " FROM protected_actions WHERE environment_id = ?")
        .param(row.id())
        .query(
            (rs, n) ->
                new ActionRow(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, Integer.class)))
        .list()
        .forEach(a -> a.action().ifPresent(action -> actions.put(action.scope(), action)));
    List<String> redirects =
        jdbc.sql("SELECT uri FROM environment_redirects WHERE environment_id = ? ORDER BY position")
            .param(row.id())
            .query(String.class)
            .list();
    Environment environment =
        new Environment(
            new EnvironmentId(row.id()),
            row.name(),
            new StepUpSettings(row.enabled(), methods, actions),
            RedirectAllowList.of(redirects));
    environment.allowSignUp(row.signUp());
    // A version this build does not know (written by a newer node) is the newest it knows.
    environment.requireApiVersion(
        ApiVersion.fromWire(row.minimumApiVersion() == null ? "" : row.minimumApiVersion())
            .orElse(ApiVersion.latest()));
    environment.allowBrowserOrigins(
        BrowserOrigins.of(
            jdbc.sql(
                    "SELECT origin FROM environment_browser_origins WHERE environment_id = ?"
                        + " ORDER BY position")
                .param(row.id())
                .query(String.class)
                .list()));
    return environment;
  }

  @Override
  public void save(Environment environment) {
    String id = environment.id().value();
    StepUpSettings settings = environment.settings();
    int updated =
        jdbc.sql(
                "UPDATE environments SET name = ?, step_up_enabled = ?, sign_up_allowed = ?,"
                    + " minimum_api_version = ? WHERE id = ?")
            .params(
                environment.name(),
                settings.enabled(),
                environment.allowsSignUp(),
                environment.minimumApiVersion().wire(),
                id)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO environments (id, name, step_up_enabled, sign_up_allowed,"
                  + " minimum_api_version) VALUES (?, ?, ?, ?, ?)")
          .params(
              id,
              environment.name(),
              settings.enabled(),
              environment.allowsSignUp(),
              environment.minimumApiVersion().wire())
          .update();
    }
    jdbc.sql("DELETE FROM environment_methods WHERE environment_id = ?").param(id).update();
    for (VerificationMethod method : settings.enabledMethods()) {
      jdbc.sql("INSERT INTO environment_methods (environment_id, method) VALUES (?, ?)")
          .params(id, method.wire())
          .update();
    }
    jdbc.sql("DELETE FROM protected_actions WHERE environment_id = ?").param(id).update();
    for (ProtectedAction action : settings.actions().values()) {
      jdbc.sql(
              "INSERT INTO protected_actions"
                  + " (environment_id, scope, is_protected, token_use, enforcement, description,"
                  + " lifetime_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              action.scope().wire(),
              // What a node without monitor mode reads: it enforces a monitored scope.
              action.enforcement() != Enforcement.OFF,
              action.tokenUse().name(),
              action.enforcement().name(),
              action.scope().isBuiltIn() ? null : action.scope().action(),
              (int) action.lifetime().toSeconds())
          .update();
    }
    jdbc.sql("DELETE FROM environment_redirects WHERE environment_id = ?").param(id).update();
    List<String> redirects = environment.redirects().entries();
    for (int i = 0; i < redirects.size(); i++) {
      jdbc.sql("INSERT INTO environment_redirects (environment_id, position, uri) VALUES (?, ?, ?)")
          .params(id, i, redirects.get(i))
          .update();
    }
    jdbc.sql("DELETE FROM environment_browser_origins WHERE environment_id = ?").param(id).update();
    List<String> origins = environment.browserOrigins().entries();
    for (int i = 0; i < origins.size(); i++) {
      jdbc.sql(
              "INSERT INTO environment_browser_origins (environment_id, position, origin)"
                  + " VALUES (?, ?, ?)")
          .params(id, i, origins.get(i))
          .update();
    }
  }
}
