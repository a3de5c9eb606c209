package dev.stepup.domain.testdata;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.ScopeUses;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builders of elevated tokens for tests in every module: {@code
 * anElevatedToken().forScopes(WALLET_EXPORT).expiringAt(t).build()}. Unless told otherwise the
 * token {@code tok_1} is issued to {@code usr_alice}'s session {@code ses_1} in {@code demo} for
 * {@code wallet:export}, verified by email code, at {@link CredentialTestData#ADDED}, under the
 * default settings (which decide single or multi use and the lifetime, as {@link
 * ElevatedToken#issue} does).
 */
public final class ElevatedTokenTestData {

  private ElevatedTokenTestData() {}

  public static ElevatedTokenBuilder anElevatedToken() {
    return new ElevatedTokenBuilder();
  }

  /** A token under construction; every setter answers the builder. */
  public static final class ElevatedTokenBuilder {
    private ElevatedTokenId id = new ElevatedTokenId("tok_1");
    private EnvironmentId environment = UserTestData.DEMO;
    private UserId user = UserTestData.ALICE;
    private Optional<SessionId> session = Optional.of(new SessionId("ses_1"));
    private Set<Scope> scopes = Scope.setOf(Scope.WALLET_EXPORT);
    private Optional<VerificationMethod> method = Optional.of(VerificationMethod.EMAIL_OTP);
    private StepUpSettings settings = StepUpSettings.defaults();
    private Instant issuedAt = CredentialTestData.ADDED;
    private Instant expiresAt;
    private Boolean singleUse;
    private Instant consumedAt;
    private Instant revokedAt;

    public ElevatedTokenBuilder withId(String id) {
      this.id = new ElevatedTokenId(id);
      return this;
    }

    public ElevatedTokenBuilder in(EnvironmentId environment) {
      this.environment = environment;
      return this;
    }

    public ElevatedTokenBuilder forUser(String user) {
      return forUser(new UserId(user));
    }

    public ElevatedTokenBuilder forUser(UserId user) {
      this.user = user;
      return this;
    }

    public ElevatedTokenBuilder inSession(String session) {
      return inSession(new SessionId(session));
    }

    public ElevatedTokenBuilder inSession(SessionId session) {
      this.session = Optional.of(session);
      return this;
    }

    /** A token not tied to a session (e.g. issued by a host backend). */
    public ElevatedTokenBuilder withoutSession() {
      this.session = Optional.empty();
      return this;
    }

    public ElevatedTokenBuilder forScopes(Scope first, Scope... more) {
      this.scopes = Scope.setOf(first, more);
      return this;
    }

    public ElevatedTokenBuilder forScopes(Set<Scope> scopes) {
      this.scopes = scopes;
      return this;
    }

    public ElevatedTokenBuilder verifiedWith(VerificationMethod method) {
      this.method = Optional.of(method);
      return this;
    }

    /** Issued by a host backend: no method was used here. */
    public ElevatedTokenBuilder issuedByBackend() {
      this.method = Optional.empty();
      return this;
    }

    /** The settings that decide single or multi use and the lifetime. */
    public ElevatedTokenBuilder under(StepUpSettings settings) {
      this.settings = settings;
      return this;
    }

    public ElevatedTokenBuilder issuedAt(Instant at) {
      this.issuedAt = at;
      return this;
    }

    public ElevatedTokenBuilder expiringAt(Instant at) {
      this.expiresAt = at;
      return this;
    }

    public ElevatedTokenBuilder singleUse() {
      this.singleUse = true;
      return this;
    }

    public ElevatedTokenBuilder multiUse() {
      this.singleUse = false;
      return this;
    }

    public ElevatedTokenBuilder consumedAt(Instant at) {
      this.consumedAt = at;
      return this;
    }

    public ElevatedTokenBuilder revokedAt(Instant at) {
      this.revokedAt = at;
      return this;
    }

    public ElevatedToken build() {
      ElevatedToken issued =
          ElevatedToken.issue(id, environment, user, session, scopes, method, settings, issuedAt);
      if (expiresAt == null && singleUse == null && consumedAt == null && revokedAt == null) {
        return issued;
      }
      // As issued, each scope single-use or not per the settings; singleUse() makes every scope
      // single-use, multiUse() none; consumedAt spends every single-use scope at that instant.
      Set<Scope> singleUseScopes =
          singleUse == null ? issued.uses().singleUse() : singleUse ? scopes : Set.of();
      Map<Scope, Instant> spent = new LinkedHashMap<>();
      if (consumedAt != null) {
        // The domain refuses a consumed token without a single-use scope.
        ScopeUses.wholeToken(scopes, !singleUseScopes.isEmpty(), consumedAt);
        singleUseScopes.forEach(s -> spent.put(s, consumedAt));
      }
      return new ElevatedToken(
          id,
          environment,
          user,
          session,
          scopes,
          method,
          ScopeUses.perScope(singleUseScopes, spent),
          issuedAt,
          expiresAt == null ? issued.expiresAt() : expiresAt,
          revokedAt);
    }
  }
}
