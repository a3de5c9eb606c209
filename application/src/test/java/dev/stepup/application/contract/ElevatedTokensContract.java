package dev.stepup.application.contract;

import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenFingerprint;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.ScopeUses;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ElevatedTokens} promises: consumption and revocation are compare-and-sets. */
public abstract class ElevatedTokensContract extends PortContract {

  ElevatedTokens tokens;

  @BeforeEach
  void tokens() {
    tokens = stores.elevatedTokens();
  }

  static ElevatedToken token(
      String id, Set<Scope> scopes, Instant issuedAt, String session, String user) {
    return anElevatedToken()
        .withId(id)
        .in(ENV)
        .forUser(user)
        .inSession(session)
        .forScopes(scopes)
        .issuedAt(issuedAt)
        .build();
  }

  @Test
  void aTokenForManyHostScopesRoundTripsWithEveryName() {
    StepUpSettings settings = StepUpSettings.defaults();
    Set<Scope> scopes = new java.util.TreeSet<>(Scope.builtIns());
    for (int i = 0; i < 20; i++) {
      Scope scope = Scope.host("namespace" + i + ":some-long-action", "do thing " + i);
      settings =
          settings.withHostScope(
              new ProtectedAction(
                  scope, Enforcement.ENFORCE, TokenUse.MULTI, Duration.ofMinutes(7)));
      scopes.add(scope);
    }
    ElevatedToken t =
        anElevatedToken()
            .withId("tok_many")
            .in(ENV)
            .forUser("usr_a")
            .inSession("ses_1")
            .forScopes(scopes)
            .under(settings)
            .issuedAt(T0)
            .build();
    tokens.add(t);

    assertThat(Scope.joinWire(scopes).length()).isGreaterThan(255);
    assertThat(tokens.find(t.id()).orElseThrow().scopes()).isEqualTo(scopes);
  }

  @Test
  void searchingByAHostScopeFindsExactlyThatName() {
    Scope underscored = Scope.host("pay_x:send", "send a payment");
    Scope lookalike = Scope.host("payyx:send", "send a payment");
    StepUpSettings settings =
        StepUpSettings.defaults()
            .withHostScope(new ProtectedAction(underscored, Enforcement.ENFORCE, TokenUse.SINGLE))
            .withHostScope(new ProtectedAction(lookalike, Enforcement.ENFORCE, TokenUse.SINGLE));
    for (Scope s : List.of(underscored, lookalike)) {
      tokens.add(
          anElevatedToken()
              .withId("tok_" + s.wire().replace(":", "_"))
              .in(ENV)
              .forUser("usr_a")
              .inSession("ses_1")
              .forScopes(Set.of(s))
              .under(settings)
              .issuedAt(T0)
              .build());
    }

    assertThat(ids(search(Optional.empty(), Optional.of(underscored), Optional.empty(), T0, 0, 10)))
        .containsExactly("tok_pay_x_send");
  }

  @Test
  void tokenRecordRoundTrips() {
    ElevatedToken t =
        token("tok_1", Scope.setOf(Scope.WALLET_SIGN, Scope.WALLET_EXPORT), T0, "ses_1", "usr_a");
    tokens.add(t);
    ElevatedToken loaded = tokens.find(t.id()).orElseThrow();
    assertThat(loaded.scopes()).containsExactlyInAnyOrder(Scope.WALLET_SIGN, Scope.WALLET_EXPORT);
    assertThat(loaded.singleUse()).isTrue();
    assertThat(loaded.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(loaded.sessionId()).contains(new SessionId("ses_1"));
    assertThat(loaded.issuedAt()).isEqualTo(T0);
    assertThat(loaded.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(loaded.state(T0)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aTokenIsFoundByItsFingerprintOnlyWhenRecordedWithThatOne() {
    ElevatedToken withPrint = token("tok_fp", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a");
    ElevatedToken without = token("tok_nofp", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a");
    tokens.add(withPrint, Optional.of(TokenFingerprint.of("header.payload.signature")));
    tokens.add(without);

    assertThat(tokens.findIssued(withPrint.id(), TokenFingerprint.of("header.payload.signature")))
        .map(ElevatedToken::id)
        .contains(withPrint.id());
    assertThat(tokens.findIssued(withPrint.id(), TokenFingerprint.of("header.payload.signaturE")))
        .isEmpty();
    assertThat(tokens.findIssued(without.id(), TokenFingerprint.of("header.payload.signature")))
        .isEmpty();
    assertThat(
            tokens.findIssued(
                new ElevatedTokenId("tok_none"), TokenFingerprint.of("header.payload.signature")))
        .isEmpty();
  }

  @Test
  void recordedStatesAreReadBack() {
    tokens.add(
        token("tok_old", Set.of(Scope.WALLET_EXPORT), T0.minusSeconds(600), "ses_1", "usr_a"));
    tokens.add(token("tok_used", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    tokens.add(token("tok_revoked", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    tokens.add(token("tok_live", Set.of(Scope.WALLET_EXPORT), T0.plusSeconds(1), "ses_1", "usr_a"));
    spend("tok_used", T0.plusSeconds(2));
    tokens.markRevoked(new ElevatedTokenId("tok_revoked"), T0.plusSeconds(2));

    Instant later = T0.plusSeconds(3);
    assertThat(state("tok_old", later)).isEqualTo(TokenState.EXPIRED);
    assertThat(state("tok_used", later)).isEqualTo(TokenState.CONSUMED);
    assertThat(state("tok_revoked", later)).isEqualTo(TokenState.REVOKED);
    assertThat(state("tok_live", later)).isEqualTo(TokenState.ACTIVE);
    assertThat(state("tok_live", T0.plus(Duration.ofMinutes(6)))).isEqualTo(TokenState.EXPIRED);
  }

  /** Spends the token's first single-use scope (a stored token's own, or wallet:export). */
  private boolean spend(String id, Instant at) {
    ElevatedToken token =
        tokens
            .find(new ElevatedTokenId(id))
            .orElseGet(() -> token(id, Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    Scope scope = token.uses().singleUse().stream().findFirst().orElse(Scope.WALLET_SIGN);
    return tokens.markSpent(token, scope, at);
  }

  private boolean spend(String id, Scope scope, Instant at) {
    return tokens.markSpent(tokens.find(new ElevatedTokenId(id)).orElseThrow(), scope, at);
  }

  private TokenState state(String id, Instant at) {
    return tokens.find(new ElevatedTokenId(id)).orElseThrow().state(at);
  }

  @Test
  void unknownTokensAreNotFoundNorChanged() {
    assertThat(tokens.find(new ElevatedTokenId("tok_none"))).isEmpty();
    assertThat(spend("tok_none", T0)).isFalse();
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_none"), T0)).isFalse();
  }

  @Test
  void consumptionIsACompareAndSet() {
    tokens.add(token("tok_1", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    assertThat(spend("tok_1", T0.plusSeconds(1))).isTrue();
    assertThat(spend("tok_1", T0.plusSeconds(2))).isFalse();
    assertThat(tokens.find(new ElevatedTokenId("tok_1")).orElseThrow().consumedAt())
        .contains(T0.plusSeconds(1));
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_1"), T0.plusSeconds(3))).isFalse();
  }

  @Test
  void aRevokedTokenIsNeverConsumed() {
    tokens.add(token("tok_1", Set.of(Scope.WALLET_EXPORT), T0, "ses_1", "usr_a"));
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_1"), T0.plusSeconds(1))).isTrue();
    assertThat(spend("tok_1", T0.plusSeconds(2))).isFalse();
    ElevatedToken loaded = tokens.find(new ElevatedTokenId("tok_1")).orElseThrow();
    assertThat(loaded.revokedAt()).contains(T0.plusSeconds(1));
    assertThat(loaded.consumedAt()).isEmpty();
  }

  @Test
  void multiUseTokensAreNeverConsumed() {
    tokens.add(token("tok_m", Set.of(Scope.WALLET_SIGN), T0, "ses_1", "usr_a"));
    assertThat(spend("tok_m", T0.plusSeconds(1))).isFalse();
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
                if (spend("tok_race", T0.plusSeconds(1))) {
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

  /** A token for wallet:export and wallet:sign, both single-use, spent one scope at a time. */
  private ElevatedToken bothSingleUse(String id) {
    return anElevatedToken()
        .withId(id)
        .in(ENV)
        .forUser("usr_a")
        .inSession("ses_1")
        .forScopes(Scope.WALLET_EXPORT, Scope.WALLET_SIGN)
        .issuedAt(T0)
        .singleUse()
        .build();
  }

  @Test
  void eachSingleUseScopeIsSpentOnItsOwnAndTheLastOneUsesTheTokenUp() {
    tokens.add(bothSingleUse("tok_two"));

    assertThat(spend("tok_two", Scope.WALLET_EXPORT, T0.plusSeconds(1))).isTrue();
    assertThat(spend("tok_two", Scope.WALLET_EXPORT, T0.plusSeconds(2))).isFalse();
    ElevatedToken half = tokens.find(new ElevatedTokenId("tok_two")).orElseThrow();
    assertThat(half.uses().spent()).containsOnlyKeys(Scope.WALLET_EXPORT);
    assertThat(half.uses().spentAt(Scope.WALLET_EXPORT)).contains(T0.plusSeconds(1));
    assertThat(half.state(T0.plusSeconds(2))).isEqualTo(TokenState.ACTIVE);
    assertThat(half.state(Scope.WALLET_EXPORT, T0.plusSeconds(2))).isEqualTo(TokenState.CONSUMED);
    assertThat(
            ids(
                search(
                    Optional.of(TokenState.ACTIVE),
                    Optional.empty(),
                    Optional.empty(),
                    T0.plusSeconds(2),
                    0,
                    10)))
        .containsExactly("tok_two");

    assertThat(spend("tok_two", Scope.WALLET_SIGN, T0.plusSeconds(3))).isTrue();
    ElevatedToken spent = tokens.find(new ElevatedTokenId("tok_two")).orElseThrow();
    assertThat(spent.consumedAt()).contains(T0.plusSeconds(3));
    assertThat(spent.state(T0.plusSeconds(4))).isEqualTo(TokenState.CONSUMED);
    assertThat(
            ids(
                search(
                    Optional.of(TokenState.CONSUMED),
                    Optional.empty(),
                    Optional.empty(),
                    T0.plusSeconds(4),
                    0,
                    10)))
        .containsExactly("tok_two");
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_two"), T0.plusSeconds(5))).isFalse();
  }

  @Test
  void aPartlySpentTokenIsStillRevokedAndThenNothingIsSpent() {
    tokens.add(bothSingleUse("tok_two"));
    spend("tok_two", Scope.WALLET_EXPORT, T0.plusSeconds(1));

    assertThat(tokens.revokeAllForSession(new SessionId("ses_1"), T0.plusSeconds(2))).isEqualTo(1);
    assertThat(spend("tok_two", Scope.WALLET_SIGN, T0.plusSeconds(3))).isFalse();
    ElevatedToken loaded = tokens.find(new ElevatedTokenId("tok_two")).orElseThrow();
    assertThat(loaded.state(T0.plusSeconds(3))).isEqualTo(TokenState.REVOKED);
    assertThat(loaded.uses().spent()).containsOnlyKeys(Scope.WALLET_EXPORT);
  }

  @Test
  void aMixedTokenIsNeverUsedUpByItsSingleUseScope() {
    // Under the defaults wallet:export is single-use and wallet:sign multi-use.
    tokens.add(
        token("tok_mix", Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN), T0, "ses_1", "usr_a"));
    assertThat(spend("tok_mix", Scope.WALLET_SIGN, T0.plusSeconds(1))).isFalse();
    assertThat(spend("tok_mix", Scope.WALLET_EXPORT, T0.plusSeconds(1))).isTrue();
    ElevatedToken loaded = tokens.find(new ElevatedTokenId("tok_mix")).orElseThrow();
    assertThat(loaded.consumedAt()).isEmpty();
    assertThat(loaded.usableScopes(T0.plusSeconds(2))).containsExactly(Scope.WALLET_SIGN);
    assertThat(tokens.markRevoked(new ElevatedTokenId("tok_mix"), T0.plusSeconds(3))).isTrue();
  }

  @Test
  void aTokenSpentTogetherIsUsedUpByAnyOfItsScopes() {
    ElevatedToken whole =
        new ElevatedToken(
            new ElevatedTokenId("tok_whole"),
            ENV,
            new UserId("usr_a"),
            Optional.of(new SessionId("ses_1")),
            Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
            Optional.of(VerificationMethod.TOTP),
            ScopeUses.wholeToken(Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN), true, null),
            T0,
            T0.plus(Duration.ofMinutes(5)),
            null);
    tokens.add(whole);
    ElevatedToken loaded = tokens.find(whole.id()).orElseThrow();
    assertThat(loaded.uses().together()).isTrue();

    assertThat(tokens.markSpent(loaded, Scope.WALLET_SIGN, T0.plusSeconds(1))).isTrue();
    assertThat(tokens.markSpent(loaded, Scope.WALLET_EXPORT, T0.plusSeconds(2))).isFalse();
    ElevatedToken spent = tokens.find(whole.id()).orElseThrow();
    assertThat(spent.consumedAt()).contains(T0.plusSeconds(1));
    assertThat(spent.state(Scope.WALLET_EXPORT, T0.plusSeconds(2))).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void ofConcurrentSpendsOfOneScopeExactlyOneWins() throws Exception {
    tokens.add(bothSingleUse("tok_race"));
    int[] wins = race("tok_race", Scope.WALLET_EXPORT, Scope.WALLET_EXPORT);
    assertThat(wins[0] + wins[1]).isEqualTo(1);
    assertThat(
            tokens.find(new ElevatedTokenId("tok_race")).orElseThrow().state(Scope.WALLET_SIGN, T0))
        .isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void concurrentSpendsOfTwoScopesBothWin() throws Exception {
    for (int round = 0; round < 8; round++) {
      String id = "tok_pair" + round;
      tokens.add(bothSingleUse(id));
      assertThat(race(id, Scope.WALLET_EXPORT, Scope.WALLET_SIGN)).containsExactly(1, 1);
      ElevatedToken loaded = tokens.find(new ElevatedTokenId(id)).orElseThrow();
      assertThat(loaded.uses().spent()).containsOnlyKeys(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
      assertThat(loaded.consumedAt()).isPresent();
    }
  }

  /**
   * Runs 16 spends of the token as read before at once, half for {@code first} and half for {@code
   * second}; answers how many of each half won.
   */
  private int[] race(String id, Scope first, Scope second) throws Exception {
    ElevatedToken read = tokens.find(new ElevatedTokenId(id)).orElseThrow();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger firstWins = new AtomicInteger();
    AtomicInteger secondWins = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Scope scope = i % 2 == 0 ? first : second;
      AtomicInteger wins = i % 2 == 0 ? firstWins : secondWins;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                if (tokens.markSpent(read, scope, T0.plusSeconds(1))) {
                  wins.incrementAndGet();
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return new int[] {firstWins.get(), secondWins.get()};
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
    spend("tok_spent", T0.plusSeconds(1));

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
    spend("tok_gone", T0.plusSeconds(12));
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

  @Test
  void tokensIssuedAtOneInstantArePagedByIdAndOtherEnvironmentsAreNotSearched() {
    tokens.add(token("tok_y", Set.of(Scope.WALLET_SIGN), T0, "ses_1", "usr_a"));
    tokens.add(token("tok_x", Set.of(Scope.WALLET_SIGN), T0, "ses_1", "usr_a"));
    tokens.add(
        anElevatedToken().withId("tok_other").in(OTHER_ENV).forScopes(Scope.WALLET_SIGN).build());
    assertThat(ids(search(Optional.empty(), Optional.empty(), Optional.empty(), T0, 0, 10)))
        .containsExactly("tok_x", "tok_y");
  }

  private static TokenSearch query(
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

  @Test
  void anOperationBindingRoundTripsExactly() {
    OperationBinding binding =
        new OperationBinding(
            Optional.of("wal_A"),
            Optional.of(OperationDigest.parse("AB".repeat(32))),
            Optional.of(Amount.parse("100.000000000000000001", "ETH")));
    ElevatedToken bound =
        token("tok_bound", Set.of(Scope.WALLET_SIGN), T0, "ses_1", "usr_a").bindTo(binding);
    ElevatedToken unbound = token("tok_free", Set.of(Scope.WALLET_SIGN), T0, "ses_1", "usr_a");
    tokens.add(bound, Optional.of(TokenFingerprint.of("bound.token.sig")));
    tokens.add(unbound);

    assertThat(tokens.find(bound.id()).orElseThrow().binding()).contains(binding);
    assertThat(tokens.findIssued(bound.id(), TokenFingerprint.of("bound.token.sig")))
        .flatMap(ElevatedToken::binding)
        .contains(binding);
    assertThat(tokens.find(unbound.id()).orElseThrow().binding()).isEmpty();
    assertThat(search(Optional.empty(), Optional.empty(), Optional.empty(), T0, 0, 10))
        .filteredOn(t -> t.id().equals(bound.id()))
        .singleElement()
        .satisfies(t -> assertThat(t.binding()).contains(binding));
  }
}
