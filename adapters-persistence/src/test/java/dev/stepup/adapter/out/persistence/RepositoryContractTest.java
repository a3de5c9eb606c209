package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.token.StoredSigningKey;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.application.port.out.wallet.EmbeddedWallets.EmbeddedWallet;
import dev.stepup.domain.access.AdminAccount;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What every repository promises, run against each database the product supports (subclasses
 * provide a freshly migrated database).
 */
abstract class RepositoryContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final EnvironmentId ENV = new EnvironmentId("demo");
  static final EnvironmentId OTHER_ENV = new EnvironmentId("other");

  JdbcClient jdbc;
  JdbcEnvironments environments;
  JdbcUsers users;
  JdbcSessions sessions;
  JdbcElevatedTokens tokens;
  JdbcApiKeys apiKeys;
  JdbcAdminAccounts admins;
  JdbcSigningKeys signingKeys;
  JdbcAuditTrail audit;
  JdbcTransactionRunner transactions;
  JdbcOtpChallenges otps;
  JdbcFailureTallies tallies;
  JdbcTotpDevices totpDevices;
  JdbcRecoveryCodes recoveryCodes;
  JdbcEmbeddedWallets wallets;
  JdbcOutbox outbox;
  JdbcWalletChallenges walletChallenges;
  JdbcPasskeys passkeys;
  JdbcPasskeyChallenges passkeyChallenges;

  /** A database no other test has written to. */
  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndConnect() {
    DataSource dataSource = freshDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    environments = new JdbcEnvironments(jdbc);
    users = new JdbcUsers(jdbc);
    sessions = new JdbcSessions(jdbc);
    tokens = new JdbcElevatedTokens(jdbc);
    apiKeys = new JdbcApiKeys(jdbc);
    admins = new JdbcAdminAccounts(jdbc);
    audit = new JdbcAuditTrail(jdbc);
    transactions = new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
    signingKeys = new JdbcSigningKeys(jdbc, transactions);
    otps = new JdbcOtpChallenges(jdbc);
    tallies = new JdbcFailureTallies(jdbc);
    totpDevices = new JdbcTotpDevices(jdbc);
    recoveryCodes = new JdbcRecoveryCodes(jdbc);
    wallets = new JdbcEmbeddedWallets(jdbc);
    outbox = new JdbcOutbox(jdbc);
    walletChallenges = new JdbcWalletChallenges(jdbc);
    passkeys = new JdbcPasskeys(jdbc);
    passkeyChallenges = new JdbcPasskeyChallenges(jdbc);
    environments.save(Environment.create(ENV, "Demo"));
    environments.save(Environment.create(OTHER_ENV, "Other"));
  }

  // ---- environments ---------------------------------------------------------------------------

  @Test
  void environmentSettingsRoundTripWithEveryField() {
    StepUpSettings custom =
        new StepUpSettings(
            false,
            EnumSet.of(VerificationMethod.EMAIL_OTP, VerificationMethod.TOTP),
            java.util.Map.of(
                Scope.WALLET_SIGN, new ProtectedAction(Scope.WALLET_SIGN, false, TokenUse.SINGLE),
                Scope.WALLET_EXPORT,
                    new ProtectedAction(Scope.WALLET_EXPORT, true, TokenUse.MULTI)));
    Environment env = environments.find(ENV).orElseThrow();
    env.rename("Production");
    env.reconfigure(custom);
    environments.save(env);

    Environment loaded = environments.find(ENV).orElseThrow();
    assertThat(loaded.name()).isEqualTo("Production");
    assertThat(loaded.settings()).isEqualTo(custom);
    assertThat(environments.all()).extracting(e -> e.id().value()).containsExactly("demo", "other");
    assertThat(environments.find(new EnvironmentId("nope"))).isEmpty();
  }

  @Test
  void allowedRedirectsRoundTripInOrder() {
    Environment env = environments.find(ENV).orElseThrow();
    env.allowRedirects(
        dev.stepup.domain.environment.RedirectAllowList.of(
            List.of("https://b.example.com/cb", "http://localhost:3000")));
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().redirects().entries())
        .containsExactly("https://b.example.com/cb", "http://localhost:3000");
    assertThat(environments.find(OTHER_ENV).orElseThrow().redirects().entries()).isEmpty();
    env.allowRedirects(dev.stepup.domain.environment.RedirectAllowList.none());
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().redirects().entries()).isEmpty();
  }

  // ---- sign-in codes ---------------------------------------------------------------------------

  @Test
  void signInCodesAreFoundByAddressAndSpentOnce() {
    JdbcSignInCodes codes = new JdbcSignInCodes(jdbc);
    Instant t0 = Instant.parse("2025-03-01T09:00:00Z");
    String ann = "ann@example.com";
    codes.add(
        dev.stepup.domain.otp.SignInCode.issue(
            "sic_1", ENV, ann, Optional.of(new UserId("usr_signin")), "digest-1", t0));
    codes.add(
        dev.stepup.domain.otp.SignInCode.issue(
            "sic_2", ENV, ann, Optional.empty(), "digest-2", t0.plusSeconds(40)));

    var latest = codes.latestFor(ENV, ann).orElseThrow();
    assertThat(latest.id()).isEqualTo("sic_2");
    assertThat(latest.email()).isEqualTo(ann);
    assertThat(latest.userId()).isEmpty();
    assertThat(latest.codeDigest()).isEqualTo("digest-2");
    assertThat(latest.expiresAt()).isEqualTo(t0.plusSeconds(40).plus(OtpChallenge.LIFETIME));
    assertThat(codes.sentSince(ENV, ann, t0.plusSeconds(1))).containsExactly(t0.plusSeconds(40));
    assertThat(codes.latestFor(OTHER_ENV, ann)).isEmpty();
    assertThat(codes.latestFor(ENV, "bob@example.com")).isEmpty();

    assertThat(codes.recordWrongEntry("sic_2")).isTrue();
    assertThat(codes.latestFor(ENV, ann).orElseThrow().failedAttempts()).isEqualTo(1);
    assertThat(codes.markUsed("sic_2", t0.plusSeconds(50))).isTrue();
    assertThat(codes.markUsed("sic_2", t0.plusSeconds(51))).isFalse();
    assertThat(codes.recordWrongEntry("sic_2")).isFalse();
    assertThat(codes.latestFor(ENV, ann).orElseThrow().usedAt()).contains(t0.plusSeconds(50));

    assertThat(codes.deleteExpired(t0.plus(OtpChallenge.LIFETIME).plusSeconds(1))).isEqualTo(1);
    assertThat(codes.sentSince(ENV, ann, t0.minusSeconds(1))).containsExactly(t0.plusSeconds(40));
  }

  // ---- contact proofs -------------------------------------------------------------------------

  @Test
  void contactProofsAreFoundBySessionAndSpentOnce() {
    JdbcContactProofs proofs = new JdbcContactProofs(jdbc);
    Instant t0 = Instant.parse("2025-03-01T09:00:00Z");
    SessionId session = new SessionId("ses_proof");
    proofs.add(
        dev.stepup.domain.otp.ContactProof.issue(
            "prf_1",
            ENV,
            new UserId("usr_proof"),
            session,
            dev.stepup.domain.credential.CredentialFormat.EMAIL,
            "ann.work@example.com",
            "digest-1",
            t0));
    proofs.add(
        dev.stepup.domain.otp.ContactProof.issue(
            "prf_2",
            ENV,
            new UserId("usr_proof"),
            session,
            dev.stepup.domain.credential.CredentialFormat.PHONE_NUMBER,
            "+14155550123",
            "digest-2",
            t0.plusSeconds(40)));

    var latest = proofs.latestForSession(session).orElseThrow();
    assertThat(latest.id()).isEqualTo("prf_2");
    assertThat(latest.format())
        .isEqualTo(dev.stepup.domain.credential.CredentialFormat.PHONE_NUMBER);
    assertThat(latest.identifier()).isEqualTo("+14155550123");
    assertThat(latest.userId()).isEqualTo(new UserId("usr_proof"));
    assertThat(latest.codeDigest()).isEqualTo("digest-2");
    assertThat(latest.expiresAt()).isEqualTo(t0.plusSeconds(40).plus(OtpChallenge.LIFETIME));
    assertThat(latest.usedAt()).isEmpty();
    assertThat(proofs.find("prf_1").orElseThrow().identifier()).isEqualTo("ann.work@example.com");
    assertThat(proofs.sentSince(session, t0.plusSeconds(1))).containsExactly(t0.plusSeconds(40));
    assertThat(proofs.latestForSession(new SessionId("ses_other"))).isEmpty();

    assertThat(proofs.recordWrongEntry("prf_2")).isTrue();
    assertThat(proofs.find("prf_2").orElseThrow().failedAttempts()).isEqualTo(1);
    assertThat(proofs.markUsed("prf_2", t0.plusSeconds(50))).isTrue();
    assertThat(proofs.markUsed("prf_2", t0.plusSeconds(51))).isFalse();
    assertThat(proofs.recordWrongEntry("prf_2")).isFalse();
    assertThat(proofs.find("prf_2").orElseThrow().usedAt()).contains(t0.plusSeconds(50));

    assertThat(proofs.deleteExpired(t0.plus(OtpChallenge.LIFETIME).plusSeconds(1))).isEqualTo(1);
    assertThat(proofs.find("prf_1")).isEmpty();
  }

  @Test
  void signUpIsOffUntilAllowedAndRoundTrips() {
    assertThat(environments.find(ENV).orElseThrow().allowsSignUp()).isFalse();
    Environment env = environments.find(ENV).orElseThrow();
    env.allowSignUp(true);
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().allowsSignUp()).isTrue();
    assertThat(environments.find(OTHER_ENV).orElseThrow().allowsSignUp()).isFalse();
    Environment created = Environment.create(new EnvironmentId("fresh"), "Fresh");
    created.allowSignUp(true);
    environments.save(created);
    assertThat(environments.find(new EnvironmentId("fresh")).orElseThrow().allowsSignUp()).isTrue();
  }

  // ---- social login ---------------------------------------------------------------------------

  @Test
  void socialProvidersAreKeptPerEnvironmentAndReplacedByName() {
    JdbcSocialProviders providers = new JdbcSocialProviders(jdbc);
    dev.stepup.domain.social.SocialProvider google =
        new dev.stepup.domain.social.SocialProvider(
            ENV, "google", "Google", java.net.URI.create("https://accounts.google.com"), "c1");
    providers.save(google, new byte[] {1, 2, 3});
    providers.save(
        new dev.stepup.domain.social.SocialProvider(
            ENV, "google", "Google", java.net.URI.create("https://accounts.google.com"), "c2"),
        new byte[] {4, 5});
    assertThat(providers.find(ENV, "google").orElseThrow().provider().clientId()).isEqualTo("c2");
    assertThat(providers.find(ENV, "google").orElseThrow().sealedClientSecret())
        .containsExactly(4, 5);
    assertThat(providers.find(OTHER_ENV, "google")).isEmpty();
    assertThat(providers.list(ENV)).extracting(p -> p.name()).containsExactly("google");
  }

  @Test
  void socialLoginsCompleteOnceAndLinkOnce() {
    JdbcSocialLogins logins = new JdbcSocialLogins(jdbc);
    dev.stepup.domain.social.SocialLogin login =
        dev.stepup.domain.social.SocialLogin.start(
            "sol_1",
            ENV,
            new UserId("usr_alice"),
            new dev.stepup.domain.session.SessionId("ses_1"),
            "google",
            dev.stepup.domain.social.SocialLogin.Purpose.STEP_UP,
            java.util.Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
            "https://app.example.com/cb",
            "nonce-1",
            "verifier-1",
            T0);
    logins.add(login, "digest-1");
    assertThat(logins.findByState("digest-1")).contains(login);
    assertThat(logins.findByState("digest-2")).isEmpty();
    assertThat(logins.markLinked("sol_1", T0)).as("no subject yet").isFalse();
    assertThat(logins.complete("sol_1", T0.plusSeconds(5))).isTrue();
    assertThat(logins.complete("sol_1", T0.plusSeconds(6))).isFalse();
    logins.identify("sol_1", "sub-1", Optional.of("a@example.com"));
    dev.stepup.domain.social.SocialLogin done = logins.find("sol_1").orElseThrow();
    assertThat(done.completedAt()).contains(T0.plusSeconds(5));
    assertThat(done.subject()).contains("sub-1");
    assertThat(done.email()).contains("a@example.com");
    assertThat(logins.markLinked("sol_1", T0.plusSeconds(7))).isTrue();
    assertThat(logins.markLinked("sol_1", T0.plusSeconds(8))).isFalse();
    logins.deleteStartedBefore(T0.plusSeconds(1));
    assertThat(logins.find("sol_1")).isEmpty();
  }

  @Test
  void newEnvironmentKeepsTheDefaults() {
    assertThat(environments.find(ENV).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
  }

  // ---- users ----------------------------------------------------------------------------------

  static Credential credential(
      String id, CredentialFormat format, String identifier, Optional<String> type, Instant at) {
    return new Credential(
        new CredentialId(id),
        format,
        identifier,
        type,
        Optional.of("alias-" + id),
        format == CredentialFormat.EMAIL,
        at,
        false);
  }

  User alice() {
    return new User(
        new UserId("usr_alice"),
        ENV,
        T0,
        List.of(
            credential(
                "cred_mail", CredentialFormat.EMAIL, "alice@example.com", Optional.empty(), T0),
            credential(
                "cred_wallet",
                CredentialFormat.BLOCKCHAIN,
                "0xabc",
                Optional.of("external"),
                T0.plusSeconds(1))));
  }

  @Test
  void userRoundTripsWithCredentials() {
    users.save(alice());
    User loaded = users.find(ENV, new UserId("usr_alice")).orElseThrow();
    assertThat(loaded.credentials()).isEqualTo(alice().credentials());
    assertThat(loaded.createdAt()).isEqualTo(T0);
    assertThat(users.find(OTHER_ENV, new UserId("usr_alice"))).isEmpty();
  }

  @Test
  void savingAUserAddsRemovesAndUpdatesCredentials() {
    users.save(alice());
    User user = users.find(ENV, new UserId("usr_alice")).orElseThrow();
    user.addCredential(
        credential(
            "cred_totp", CredentialFormat.TOTP, "cred_totp", Optional.empty(), T0.plusSeconds(5)));
    user.chooseDefaultMfa(new CredentialId("cred_totp"));
    user.removeCredential(new CredentialId("cred_wallet"));
    users.save(user);

    User loaded = users.find(ENV, user.id()).orElseThrow();
    assertThat(loaded.credentials())
        .extracting(c -> c.id().value())
        .containsExactly("cred_mail", "cred_totp");
    assertThat(loaded.credential(new CredentialId("cred_totp")).orElseThrow().defaultMfa())
        .isTrue();
  }

  @Test
  void aCredentialNamesOneUserPerEnvironment() {
    users.save(alice());
    assertThat(users.findByCredential(ENV, CredentialFormat.EMAIL, "alice@example.com"))
        .map(User::id)
        .contains(new UserId("usr_alice"));
    assertThat(users.findByCredential(OTHER_ENV, CredentialFormat.EMAIL, "alice@example.com"))
        .isEmpty();
    User impostor =
        new User(
            new UserId("usr_bob"),
            ENV,
            T0,
            List.of(
                credential(
                    "cred_bob",
                    CredentialFormat.EMAIL,
                    "alice@example.com",
                    Optional.empty(),
                    T0)));
    assertThatThrownBy(() -> users.save(impostor)).isInstanceOf(RuntimeException.class);
  }

  // ---- sessions -------------------------------------------------------------------------------

  @Test
  void sessionIsFoundByIdAndTokenDigestAndRemembersItsEnd() {
    users.save(alice());
    Session session =
        Session.start(
            new SessionId("ses_1"),
            ENV,
            new UserId("usr_alice"),
            Optional.of(new CredentialId("cred_mail")),
            T0,
            Duration.ofHours(12));
    sessions.create(session, "digest-1");
    assertThat(sessions.findByTokenDigest("digest-1")).map(Session::id).contains(session.id());
    assertThat(sessions.findByTokenDigest("digest-2")).isEmpty();

    session.end(T0.plusSeconds(60));
    sessions.save(session);
    Session loaded = sessions.find(session.id()).orElseThrow();
    assertThat(loaded.endedAt()).contains(T0.plusSeconds(60));
    assertThat(loaded.signInCredentialId()).contains(new CredentialId("cred_mail"));
    assertThat(loaded.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
  }

  @Test
  void aSessionKeepsItsIdleTimeoutAndLastUseWhichOnlyMovesForwardWhileOpen() {
    users.save(alice());
    Session session =
        Session.start(
            new SessionId("ses_idle"),
            ENV,
            new UserId("usr_alice"),
            Optional.empty(),
            T0,
            new SessionTimeouts(Duration.ofHours(12), Duration.ofMinutes(20)));
    sessions.create(session, "digest-idle");

    Session loaded = sessions.find(session.id()).orElseThrow();
    assertThat(loaded.idleTimeout()).isEqualTo(Duration.ofMinutes(20));
    assertThat(loaded.lastSeenAt()).isEqualTo(T0);

    sessions.markSeen(session.id(), T0.plusSeconds(300));
    sessions.markSeen(session.id(), T0.plusSeconds(120));
    assertThat(sessions.find(session.id()).orElseThrow().lastSeenAt())
        .isEqualTo(T0.plusSeconds(300));

    loaded = sessions.find(session.id()).orElseThrow();
    loaded.end(T0.plusSeconds(400));
    sessions.save(loaded);
    sessions.markSeen(session.id(), T0.plusSeconds(500));
    Session ended = sessions.find(session.id()).orElseThrow();
    assertThat(ended.lastSeenAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(ended.endedAt()).contains(T0.plusSeconds(400));
  }

  @Test
  void openSessionsAreFoundByUserAndBySignInCredential() {
    users.save(alice());
    UserId alice = new UserId("usr_alice");
    CredentialId mail = new CredentialId("cred_mail");
    Session first =
        Session.start(
            new SessionId("ses_a"), ENV, alice, Optional.of(mail), T0, Duration.ofHours(1));
    Session second =
        Session.start(
            new SessionId("ses_b"),
            ENV,
            alice,
            Optional.empty(),
            T0.plusSeconds(1),
            Duration.ofHours(1));
    Session ended =
        Session.start(
            new SessionId("ses_c"),
            ENV,
            alice,
            Optional.of(mail),
            T0.plusSeconds(2),
            Duration.ofHours(1));
    Session expired =
        Session.start(
            new SessionId("ses_d"),
            ENV,
            alice,
            Optional.of(mail),
            T0.minusSeconds(7200),
            Duration.ofHours(1));
    sessions.create(first, "digest-a");
    sessions.create(second, "digest-b");
    sessions.create(ended, "digest-c");
    sessions.create(expired, "digest-d");
    ended.end(T0.plusSeconds(3));
    sessions.save(ended);
    Instant now = T0.plusSeconds(10);

    assertThat(sessions.openOf(ENV, alice, now))
        .extracting(Session::id)
        .containsExactly(second.id(), first.id());
    assertThat(sessions.openOf(new EnvironmentId("elsewhere"), alice, now)).isEmpty();
    assertThat(sessions.openSignedInWith(mail, now))
        .extracting(Session::id)
        .containsExactly(first.id());
    assertThat(sessions.openSignedInWith(new CredentialId("cred_other"), now)).isEmpty();
  }

  // ---- elevated tokens ------------------------------------------------------------------------

  ElevatedToken token(String id, Set<Scope> scopes, Instant issuedAt, String session, String user) {
    return ElevatedToken.issue(
        new ElevatedTokenId(id),
        ENV,
        new UserId(user),
        Optional.ofNullable(session).map(SessionId::new),
        scopes,
        Optional.of(VerificationMethod.EMAIL_OTP),
        StepUpSettings.defaults(),
        issuedAt);
  }

  @Test
  void tokenRecordRoundTrips() {
    ElevatedToken t =
        token("tok_1", EnumSet.of(Scope.WALLET_SIGN, Scope.WALLET_EXPORT), T0, "ses_1", "usr_a");
    tokens.add(t);
    ElevatedToken loaded = tokens.find(t.id()).orElseThrow();
    assertThat(loaded.scopes()).containsExactlyInAnyOrder(Scope.WALLET_SIGN, Scope.WALLET_EXPORT);
    assertThat(loaded.singleUse()).isTrue();
    assertThat(loaded.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(loaded.sessionId()).contains(new SessionId("ses_1"));
    assertThat(loaded.issuedAt()).isEqualTo(T0);
    assertThat(loaded.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(loaded.state(T0)).isEqualTo(TokenState.ACTIVE);
    assertThat(tokens.forSession(new SessionId("ses_1"))).hasSize(1);
  }

  @Test
  void consumptionIsACompareAndSet() {
    tokens.add(token("tok_1", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    assertThat(tokens.markConsumed(new ElevatedTokenId("tok_1"), T0.plusSeconds(1))).isTrue();
    assertThat(tokens.markConsumed(new ElevatedTokenId("tok_1"), T0.plusSeconds(2))).isFalse();
    assertThat(tokens.find(new ElevatedTokenId("tok_1")).orElseThrow().consumedAt())
        .contains(T0.plusSeconds(1));
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_1"), T0.plusSeconds(3))).isFalse();
  }

  @Test
  void multiUseTokensAreNeverConsumed() {
    tokens.add(token("tok_m", Set.of(Scope.WALLET_SIGN), T0, "ses_1", "usr_a"));
    assertThat(tokens.markConsumed(new ElevatedTokenId("tok_m"), T0.plusSeconds(1))).isFalse();
  }

  @Test
  void ofManyConcurrentConsumersExactlyOneWins() throws Exception {
    tokens.add(token("tok_race", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger winners = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                if (tokens.markConsumed(new ElevatedTokenId("tok_race"), T0.plusSeconds(1))) {
                  winners.incrementAndGet();
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(winners.get()).isEqualTo(1);
  }

  @Test
  void revocationLeavesConsumedAndExpiredTokensAlone() {
    tokens.add(token("tok_active", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    tokens.add(token("tok_spent", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    tokens.add(
        token(
            "tok_old",
            Set.of(Scope.WALLET_EXPORT),
            T0.minus(Duration.ofHours(1)),
            "ses_1",
            "usr_a"));
    tokens.add(token("tok_elsewhere", Set.of(Scope.WALLET_EXPORT), T0, "ses_2", "usr_a"));
    tokens.add(token("tok_bob", Set.of(Scope.WALLET_EXPORT), T0, "ses_3", "usr_b"));
    tokens.markConsumed(new ElevatedTokenId("tok_spent"), T0.plusSeconds(1));

    assertThat(tokens.revokeAllForSession(new SessionId("ses_1"), T0.plusSeconds(2))).isEqualTo(1);
    assertThat(tokens.revokeAllForUser(new UserId("usr_a"), T0.plusSeconds(3))).isEqualTo(1);
    assertThat(tokens.find(new ElevatedTokenId("tok_spent")).orElseThrow().state(T0.plusSeconds(4)))
        .isEqualTo(TokenState.CONSUMED);
    assertThat(tokens.find(new ElevatedTokenId("tok_old")).orElseThrow().state(T0.plusSeconds(4)))
        .isEqualTo(TokenState.EXPIRED);
    assertThat(tokens.find(new ElevatedTokenId("tok_bob")).orElseThrow().state(T0.plusSeconds(4)))
        .isEqualTo(TokenState.ACTIVE);
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_bob"), T0.plusSeconds(5))).isTrue();
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_bob"), T0.plusSeconds(6))).isFalse();
  }

  @Test
  void searchFiltersByStateScopeAndUserAndPagesNewestFirst() {
    for (int i = 0; i < 5; i++) {
      tokens.add(
          token("tok_a" + i, Set.of(Scope.WALLET_SIGN), T0.plusSeconds(i), "ses_1", "usr_a"));
    }
    tokens.add(
        token(
            "tok_b",
            Set.of(Scope.WALLET_EXPORT, Scope.CREDENTIAL_LINK),
            T0.plusSeconds(10),
            "ses_2",
            "usr_b"));
    tokens.add(
        token("tok_gone", Set.of(Scope.WALLET_EXPORT), T0.plusSeconds(11), "ses_2", "usr_b"));
    tokens.markConsumed(new ElevatedTokenId("tok_gone"), T0.plusSeconds(12));
    tokens.markRevoked(new ElevatedTokenId("tok_a0"), T0.plusSeconds(12));
    Instant now = T0.plusSeconds(20);

    assertThat(ids(search(Optional.empty(), Optional.empty(), Optional.empty(), now, 0, 3)))
        .containsExactly("tok_gone", "tok_b", "tok_a4");
    assertThat(ids(search(Optional.empty(), Optional.empty(), Optional.empty(), now, 3, 3)))
        .containsExactly("tok_a3", "tok_a2", "tok_a1");
    assertThat(tokens.count(query(Optional.empty(), Optional.empty(), Optional.empty(), now)))
        .isEqualTo(7);
    assertThat(
            ids(
                search(
                    Optional.of(TokenState.CONSUMED),
                    Optional.empty(),
                    Optional.empty(),
                    now,
                    0,
                    10)))
        .containsExactly("tok_gone");
    assertThat(
            ids(
                search(
                    Optional.of(TokenState.REVOKED),
                    Optional.empty(),
                    Optional.empty(),
                    now,
                    0,
                    10)))
        .containsExactly("tok_a0");
    assertThat(
            ids(
                search(
                    Optional.of(TokenState.ACTIVE),
                    Optional.of(Scope.WALLET_EXPORT),
                    Optional.empty(),
                    now,
                    0,
                    10)))
        .containsExactly("tok_b");
    assertThat(
            ids(
                search(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new UserId("usr_b")),
                    now,
                    0,
                    10)))
        .containsExactly("tok_gone", "tok_b");
    // Multi-use tokens live 10 minutes: an hour later every unspent one has expired.
    Instant later = T0.plus(Duration.ofHours(1));
    assertThat(
            tokens.count(
                query(Optional.of(TokenState.EXPIRED), Optional.empty(), Optional.empty(), later)))
        .isEqualTo(5);
    assertThat(
            tokens.count(
                query(Optional.of(TokenState.ACTIVE), Optional.empty(), Optional.empty(), later)))
        .isZero();
  }

  private TokenSearch query(
      Optional<TokenState> state, Optional<Scope> scope, Optional<UserId> user, Instant now) {
    return new TokenSearch(ENV, state, scope, user, now, 0, 100);
  }

  private List<ElevatedToken> search(
      Optional<TokenState> state,
      Optional<Scope> scope,
      Optional<UserId> user,
      Instant now,
      int offset,
      int limit) {
    return tokens.search(new TokenSearch(ENV, state, scope, user, now, offset, limit));
  }

  private static List<String> ids(List<ElevatedToken> list) {
    return list.stream().map(t -> t.id().value()).toList();
  }

  // ---- keys, admins, audit, transactions ------------------------------------------------------

  @Test
  void apiKeysAreFoundByDigestAndKeepUseAndRevocation() {
    ApiKey key =
        new ApiKey(
            "key_1",
            ENV,
            "Backend",
            "digest-key",
            T0,
            ApiPermission.ALL,
            Optional.empty(),
            null,
            null);
    apiKeys.save(key);
    key.markUsed(T0.plusSeconds(5));
    key.revoke(T0.plusSeconds(9));
    apiKeys.save(key);
    ApiKey loaded = apiKeys.findByDigest("digest-key").orElseThrow();
    assertThat(loaded.lastUsedAt()).contains(T0.plusSeconds(5));
    assertThat(loaded.isActive()).isFalse();
    assertThat(apiKeys.forEnvironment(ENV)).hasSize(1);
    assertThat(apiKeys.forEnvironment(OTHER_ENV)).isEmpty();
  }

  @Test
  void apiKeysKeepTheirPermissionsAndExpiry() {
    Instant expiry = T0.plusSeconds(3600);
    apiKeys.save(
        ApiKey.create(
            "key_2",
            ENV,
            "Gateway",
            "digest-gateway",
            Set.of(ApiPermission.TOKENS_INTROSPECT, ApiPermission.TOKENS_REVOKE),
            Optional.of(expiry),
            T0));
    ApiKey loaded = apiKeys.findByDigest("digest-gateway").orElseThrow();
    assertThat(loaded.permissions())
        .containsExactlyInAnyOrder(ApiPermission.TOKENS_INTROSPECT, ApiPermission.TOKENS_REVOKE);
    assertThat(loaded.expiresAt()).contains(expiry);
    assertThat(loaded.permits(ApiPermission.TOKENS_INTROSPECT, T0)).isTrue();
    assertThat(loaded.permits(ApiPermission.USERS_WRITE, T0)).isFalse();
    assertThat(loaded.permits(ApiPermission.TOKENS_INTROSPECT, expiry)).isFalse();
  }

  @Test
  void adminAccountsAreStored() {
    assertThat(admins.any()).isFalse();
    admins.save(new AdminAccount("admin", "$2a$hash", T0));
    assertThat(admins.any()).isTrue();
    assertThat(admins.find("admin")).map(AdminAccount::passwordHash).contains("$2a$hash");
    assertThat(admins.find("nobody")).isEmpty();
  }

  @Test
  void anAdminTotpStepIsAcceptedOnceAndOnlyForward() {
    admins.save(new AdminAccount("ops", "$2a$hash", T0));
    assertThat(admins.acceptTotpStep("ops", 10)).as("nothing enrolled").isFalse();
    admins.save(admins.find("ops").orElseThrow().enrolTotp(new byte[] {7, 8, 9}, 10));
    AdminAccount enrolled = admins.find("ops").orElseThrow();
    assertThat(enrolled.totp().orElseThrow().sealedSecret()).containsExactly(7, 8, 9);
    assertThat(admins.acceptTotpStep("ops", 10)).as("the enrolling step again").isFalse();
    assertThat(admins.acceptTotpStep("ops", 11)).isTrue();
    assertThat(admins.acceptTotpStep("ops", 11)).as("a replay").isFalse();
    assertThat(admins.acceptTotpStep("ops", 9)).isFalse();
    admins.save(admins.find("ops").orElseThrow().withPassword("$2a$other"));
    assertThat(admins.find("ops").orElseThrow().totp().orElseThrow().lastAcceptedStep())
        .isEqualTo(11);
    assertThat(admins.all()).extracting(AdminAccount::username).containsExactly("ops");
  }

  @Test
  void signingKeysAreListedNewestFirstAndRetire() {
    signingKeys.add(
        new StoredSigningKey("k1", "{\"kid\":\"k1\"}", new byte[] {1, 2}, T0, Optional.empty()));
    signingKeys.add(
        new StoredSigningKey(
            "k2", "{\"kid\":\"k2\"}", new byte[] {3}, T0.plusSeconds(60), Optional.empty()));
    assertThat(signingKeys.all()).extracting(StoredSigningKey::keyId).containsExactly("k2", "k1");
    assertThat(signingKeys.all().get(1).encryptedPrivateKey()).containsExactly(1, 2);
    assertThat(signingKeys.retire("k1", T0.plusSeconds(60))).isTrue();
    assertThat(signingKeys.retire("k1", T0.plusSeconds(61))).isFalse();
    assertThat(signingKeys.deleteRetiredBefore(T0.plusSeconds(30))).isZero();
    assertThat(signingKeys.deleteRetiredBefore(T0.plusSeconds(120))).isEqualTo(1);
    assertThat(signingKeys.all()).extracting(StoredSigningKey::keyId).containsExactly("k2");
  }

  @Test
  void auditEventsAreStoredAndReadBackNewestFirst() {
    audit.record(
        new AuditEvent(
            T0,
            Optional.of(ENV),
            AuditEventType.VERIFICATION,
            AuditEvent.Outcome.FAILURE,
            Optional.of(new UserId("usr_a")),
            Optional.of(new SessionId("ses_1")),
            Set.of(Scope.WALLET_EXPORT),
            Optional.of(VerificationMethod.TOTP),
            Optional.of("invalid_code"),
            Optional.empty(),
            new RequestOrigin("203.0.113.9", "curl/8")));
    audit.record(
        new AuditEvent(
            T0.plusSeconds(1),
            Optional.empty(),
            AuditEventType.BOOTSTRAP,
            AuditEvent.Outcome.SUCCESS,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("server"),
            RequestOrigin.internal()));
    List<AuditEvent> recent = audit.recent(10);
    assertThat(recent)
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.BOOTSTRAP, AuditEventType.VERIFICATION);
    AuditEvent failure = recent.get(1);
    assertThat(failure.reason()).contains("invalid_code");
    assertThat(failure.method()).contains(VerificationMethod.TOTP);
    assertThat(failure.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(failure.origin()).isEqualTo(new RequestOrigin("203.0.113.9", "curl/8"));
  }

  @Test
  void aFailedTransactionLeavesNothingWritten() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      users.save(alice());
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(users.find(ENV, new UserId("usr_alice"))).isEmpty();
    transactions.inTransaction(() -> users.save(alice()));
    assertThat(users.find(ENV, new UserId("usr_alice"))).isPresent();
  }

  // ---- verification state ---------------------------------------------------------------------

  @Test
  void otpCodesCountWrongEntriesAndAreUsedOnce() {
    OtpChallenge first =
        OtpChallenge.issue(
            "otp_1",
            ENV,
            new UserId("usr_a"),
            new SessionId("ses_1"),
            new CredentialId("cred_mail"),
            VerificationMethod.EMAIL_OTP,
            "d1",
            T0);
    OtpChallenge second =
        OtpChallenge.issue(
            "otp_2",
            ENV,
            new UserId("usr_a"),
            new SessionId("ses_1"),
            new CredentialId("cred_mail"),
            VerificationMethod.EMAIL_OTP,
            "d2",
            T0.plusSeconds(40));
    otps.add(first);
    otps.add(second);
    assertThat(otps.latestForSession(new SessionId("ses_1")))
        .map(OtpChallenge::id)
        .contains("otp_2");
    assertThat(otps.sentSince(new SessionId("ses_1"), T0.plusSeconds(1)))
        .containsExactly(T0.plusSeconds(40));
    for (int i = 0; i < OtpChallenge.MAX_ATTEMPTS; i++) {
      assertThat(otps.recordWrongEntry("otp_2")).isTrue();
    }
    assertThat(otps.recordWrongEntry("otp_2")).isFalse();
    assertThat(otps.markUsed("otp_2", T0.plusSeconds(50))).isFalse();
    assertThat(otps.markUsed("otp_1", T0.plusSeconds(50))).isTrue();
    assertThat(otps.markUsed("otp_1", T0.plusSeconds(51))).isFalse();
    assertThat(otps.latestForSession(new SessionId("ses_1")).orElseThrow().failedAttempts())
        .isEqualTo(OtpChallenge.MAX_ATTEMPTS);
  }

  @Test
  void failureTalliesAndLocksAreKept() {
    FailureTally tally = FailureTally.none(new UserId("usr_a"), VerificationMethod.TOTP, T0);
    for (int i = 0; i < FailureTally.THRESHOLD; i++) {
      tally = tally.afterFailure(T0.plusSeconds(i));
    }
    tallies.save(tally);
    FailureTally loaded = tallies.find(new UserId("usr_a"), VerificationMethod.TOTP).orElseThrow();
    assertThat(loaded).isEqualTo(tally);
    assertThat(loaded.isLocked(T0.plusSeconds(10))).isTrue();
    tallies.save(loaded.afterSuccess(T0.plus(Duration.ofHours(1))));
    assertThat(tallies.find(new UserId("usr_a"), VerificationMethod.TOTP).orElseThrow().failures())
        .isZero();
    assertThat(tallies.find(new UserId("usr_a"), VerificationMethod.EMAIL_OTP)).isEmpty();
  }

  @Test
  void totpStepsOnlyMoveForward() {
    users.save(alice());
    TotpDevice device =
        TotpDevice.pending(
            new CredentialId("cred_totp"),
            new UserId("usr_alice"),
            "Phone",
            new byte[] {9, 8, 7},
            T0);
    totpDevices.add(device);
    assertThat(totpDevices.confirmedForUser(new UserId("usr_alice"))).isEmpty();
    assertThat(totpDevices.confirm(device.id(), 100, T0.plusSeconds(30))).isTrue();
    assertThat(totpDevices.confirm(device.id(), 101, T0.plusSeconds(31))).isFalse();
    assertThat(totpDevices.advanceStep(device.id(), 100)).isFalse();
    assertThat(totpDevices.advanceStep(device.id(), 101)).isTrue();
    assertThat(totpDevices.advanceStep(device.id(), 101)).isFalse();
    TotpDevice loaded = totpDevices.confirmedForUser(new UserId("usr_alice")).get(0);
    assertThat(loaded.lastAcceptedStep()).isEqualTo(101);
    assertThat(loaded.encryptedSecret()).containsExactly(9, 8, 7);
    assertThat(loaded.confirmedAt()).contains(T0.plusSeconds(30));

    totpDevices.add(
        TotpDevice.pending(
            new CredentialId("cred_stale"), new UserId("usr_alice"), "Old", new byte[] {1}, T0));
    assertThat(totpDevices.deletePendingCreatedBefore(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(totpDevices.find(new CredentialId("cred_totp"))).isPresent();
  }

  @Test
  void recoveryCodesAreSpentOnceAndReplacedAsASet() {
    users.save(alice());
    UserId alice = new UserId("usr_alice");
    assertThat(recoveryCodes.hasAny(alice)).isFalse();
    recoveryCodes.replace(alice, List.of("r1", "r2", "r3"), T0);
    assertThat(recoveryCodes.spend(alice, "r2", T0.plusSeconds(1))).isTrue();
    assertThat(recoveryCodes.spend(alice, "r2", T0.plusSeconds(2))).isFalse();
    assertThat(recoveryCodes.spend(alice, "nope", T0.plusSeconds(2))).isFalse();
    assertThat(recoveryCodes.isSpent(alice, "r2")).isTrue();
    assertThat(recoveryCodes.isSpent(alice, "r1")).isFalse();
    assertThat(recoveryCodes.isSpent(alice, "nope")).isFalse();
    assertThat(recoveryCodes.unusedCount(alice)).isEqualTo(2);
    recoveryCodes.replace(alice, List.of("s1"), T0.plusSeconds(3));
    assertThat(recoveryCodes.spend(alice, "r1", T0.plusSeconds(4))).isFalse();
    assertThat(recoveryCodes.unusedCount(alice)).isEqualTo(1);
  }

  @Test
  void embeddedWalletKeysAreStoredAndReplaced() {
    users.save(alice());
    EmbeddedWallet wallet =
        new EmbeddedWallet(
            new CredentialId("cred_w"),
            new UserId("usr_alice"),
            "0xAbC",
            new byte[] {1, 2, 3},
            T0,
            T0);
    wallets.add(wallet);
    wallets.update(
        new EmbeddedWallet(
            wallet.walletId(),
            wallet.userId(),
            wallet.address(),
            new byte[] {4},
            T0,
            T0.plusSeconds(9)));
    EmbeddedWallet loaded = wallets.find(wallet.walletId()).orElseThrow();
    assertThat(loaded.encryptedPrivateKey()).containsExactly(4);
    assertThat(loaded.keyUpdatedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(loaded.address()).isEqualTo("0xAbC");
  }

  @Test
  void outboxListsNewestMessagesOfOneEnvironment() {
    outbox.add(
        new Outbox.OutboxMessage(ENV, "email", "a@example.com", "Code", "Your code is 123456", T0));
    outbox.add(
        new Outbox.OutboxMessage(
            ENV, "sms", "+14155550123", "", "Your code is 654321", T0.plusSeconds(1)));
    outbox.add(new Outbox.OutboxMessage(OTHER_ENV, "email", "b@example.com", "Code", "x", T0));
    assertThat(outbox.recent(ENV, 10))
        .extracting(Outbox.OutboxMessage::channel)
        .containsExactly("sms", "email");
    assertThat(outbox.recent(ENV, 1)).hasSize(1);
  }

  @Test
  void walletChallengeRoundTripsAndIsUsedOnce() {
    dev.stepup.domain.wallet.WalletChallenge challenge =
        dev.stepup.domain.wallet.WalletChallenge.issue(
            "wch_1",
            ENV,
            new dev.stepup.domain.user.UserId("usr_1"),
            new dev.stepup.domain.session.SessionId("ses_1"),
            new dev.stepup.domain.credential.CredentialId("cred_w"),
            new dev.stepup.domain.wallet.SiweMessage(
                "localhost:8080",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "Confirm it is you.",
                "http://localhost:8080",
                1,
                "abcdefgh12",
                T0,
                T0.plusSeconds(300)),
            new dev.stepup.domain.wallet.WalletChallenge.Purpose.StepUp(
                java.util.Set.of(
                    dev.stepup.domain.scope.Scope.WALLET_SIGN,
                    dev.stepup.domain.scope.Scope.WALLET_EXPORT)));
    walletChallenges.add(challenge);
    dev.stepup.domain.wallet.WalletChallenge loaded = walletChallenges.find("wch_1").orElseThrow();
    assertThat(loaded.message()).isEqualTo(challenge.message());
    assertThat(loaded.address()).isEqualTo(challenge.address());
    assertThat(loaded.expiresAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(loaded.usedAt()).isEmpty();
    assertThat(loaded.purpose()).isEqualTo(challenge.purpose());
    assertThat(walletChallenges.markUsed("wch_1", T0.plusSeconds(5))).isTrue();
    assertThat(walletChallenges.markUsed("wch_1", T0.plusSeconds(6))).isFalse();
    assertThat(walletChallenges.find("wch_1").orElseThrow().usedAt()).contains(T0.plusSeconds(5));
    walletChallenges.deleteExpiredBefore(T0.plusSeconds(301));
    assertThat(walletChallenges.find("wch_1")).isEmpty();
    walletChallenges.add(
        dev.stepup.domain.wallet.WalletChallenge.issue(
            "wch_2",
            ENV,
            challenge.userId(),
            challenge.sessionId(),
            challenge.walletId(),
            new dev.stepup.domain.wallet.SiweMessage(
                "localhost:8080",
                challenge.address(),
                "Link this wallet.",
                "http://localhost:8080",
                1,
                "abcdefgh13",
                T0,
                T0.plusSeconds(300)),
            new dev.stepup.domain.wallet.WalletChallenge.Purpose.Link()));
    assertThat(walletChallenges.find("wch_2").orElseThrow().purpose())
        .isInstanceOf(dev.stepup.domain.wallet.WalletChallenge.Purpose.Link.class);
  }

  @Test
  void passkeysRoundTripAndTheirCounterOnlyMovesByCompareAndSet() {
    users.save(alice());
    dev.stepup.domain.mfa.Passkey key =
        new dev.stepup.domain.mfa.Passkey(
            new CredentialId("cred_pk"),
            new UserId("usr_alice"),
            "AbCd-_" + "x".repeat(40),
            "dXNyX2FsaWNl",
            new byte[] {1, 2, 3},
            7,
            "Laptop",
            T0);
    passkeys.add(key);
    dev.stepup.domain.mfa.Passkey loaded =
        passkeys.findByWebauthnId(key.webauthnId()).orElseThrow();
    assertThat(loaded.publicKeyCose()).containsExactly(1, 2, 3);
    assertThat(loaded.signCount()).isEqualTo(7);
    assertThat(passkeys.forUser(new UserId("usr_alice"))).hasSize(1);
    assertThat(passkeys.advanceCounter(key.id(), 7, 8, T0)).isTrue();
    assertThat(passkeys.advanceCounter(key.id(), 7, 9, T0)).isFalse();
    assertThat(passkeys.findByWebauthnId(key.webauthnId()).orElseThrow().signCount()).isEqualTo(8);
    passkeys.delete(key.id());
    assertThat(passkeys.forUser(new UserId("usr_alice"))).isEmpty();
  }

  @Test
  void aPasskeyCeremonyIsTakenOnce() {
    var pending =
        new dev.stepup.application.port.out.verification.PasskeyChallenges.Pending(
            "pkc_1",
            ENV,
            new UserId("usr_1"),
            new dev.stepup.domain.session.SessionId("ses_1"),
            dev.stepup.application.port.out.verification.PasskeyChallenges.Kind.ASSERTION,
            "{\"request\":1}",
            "",
            T0.plusSeconds(300));
    passkeyChallenges.add(pending);
    assertThat(passkeyChallenges.take("pkc_1")).contains(pending);
    assertThat(passkeyChallenges.take("pkc_1")).isEmpty();
  }

  @Test
  void failureTalliesChangeOnlyFromWhatTheWriterSaw() {
    UserId ann = new UserId("usr_ann");
    dev.stepup.domain.method.VerificationMethod totp =
        dev.stepup.domain.method.VerificationMethod.TOTP;
    dev.stepup.domain.attempt.FailureTally none =
        dev.stepup.domain.attempt.FailureTally.none(ann, totp, T0);
    dev.stepup.domain.attempt.FailureTally one = none.afterFailure(T0);
    assertThat(tallies.compareAndSave(java.util.Optional.empty(), one)).isTrue();
    assertThat(tallies.compareAndSave(java.util.Optional.empty(), one)).isFalse();

    dev.stepup.domain.attempt.FailureTally stored = tallies.find(ann, totp).orElseThrow();
    dev.stepup.domain.attempt.FailureTally two = stored.afterFailure(T0.plusSeconds(1));
    assertThat(tallies.compareAndSave(java.util.Optional.of(stored), two)).isTrue();
    // A second writer that read the same tally loses.
    assertThat(tallies.compareAndSave(java.util.Optional.of(stored), two)).isFalse();
    assertThat(tallies.find(ann, totp).orElseThrow().failures()).isEqualTo(2);

    dev.stepup.domain.attempt.FailureTally current = tallies.find(ann, totp).orElseThrow();
    dev.stepup.domain.attempt.FailureTally locked = current;
    for (int i = 0; i < 3; i++) {
      locked = locked.afterFailure(T0.plusSeconds(2));
    }
    assertThat(locked.lockedUntil()).isPresent();
    assertThat(tallies.compareAndSave(java.util.Optional.of(current), locked)).isTrue();
    dev.stepup.domain.attempt.FailureTally lockedStored = tallies.find(ann, totp).orElseThrow();
    assertThat(lockedStored.lockedUntil()).isEqualTo(locked.lockedUntil());
    assertThat(
            tallies.compareAndSave(
                java.util.Optional.of(lockedStored), lockedStored.withoutOneFailure(true)))
        .isTrue();
    assertThat(tallies.find(ann, totp).orElseThrow().lockedUntil()).isEmpty();
  }

  @Test
  void auditSearchFiltersAndPagesNewestFirst() {
    for (int i = 0; i < 3; i++) {
      audit.record(
          new dev.stepup.application.port.out.audit.AuditEvent(
              T0.plusSeconds(i),
              java.util.Optional.of(ENV),
              dev.stepup.application.port.out.audit.AuditEventType.VERIFICATION,
              i == 1
                  ? dev.stepup.application.port.out.audit.AuditEvent.Outcome.FAILURE
                  : dev.stepup.application.port.out.audit.AuditEvent.Outcome.SUCCESS,
              java.util.Optional.of(new UserId("usr_" + i)),
              java.util.Optional.empty(),
              java.util.Set.of(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              dev.stepup.application.port.out.audit.RequestOrigin.internal()));
    }
    var any =
        new dev.stepup.application.port.out.audit.AuditLog.Query(
            java.util.Optional.of(ENV),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            0,
            2);
    assertThat(audit.search(any))
        .extracting(e -> e.userId().orElseThrow().value())
        .containsExactly("usr_2", "usr_1");
    assertThat(
            audit.search(
                new dev.stepup.application.port.out.audit.AuditLog.Query(
                    java.util.Optional.of(ENV),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.of(
                        dev.stepup.application.port.out.audit.AuditEvent.Outcome.FAILURE),
                    0,
                    10)))
        .hasSize(1);
    assertThat(
            audit.search(
                new dev.stepup.application.port.out.audit.AuditLog.Query(
                    java.util.Optional.of(ENV),
                    java.util.Optional.of(new UserId("usr_0")),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    1,
                    2)))
        .isEmpty();
  }
}
