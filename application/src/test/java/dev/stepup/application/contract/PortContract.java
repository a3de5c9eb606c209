package dev.stepup.application.contract;

import static dev.stepup.domain.testdata.CredentialTestData.anEmail;
import static dev.stepup.domain.testdata.CredentialTestData.anExternalWallet;
import static dev.stepup.domain.testdata.UserTestData.aUser;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every out-port contract starts from: an empty store (JDBC on H2 or PostgreSQL, or the
 * in-memory fakes) holding two environments. A contract per out-port extends this; its runs are
 * small subclasses that only say which store ({@code H2…}, {@code Postgres…}, {@code InMemory…}).
 */
public abstract class PortContract {

  protected static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  protected static final EnvironmentId ENV = new EnvironmentId("demo");
  protected static final EnvironmentId OTHER_ENV = new EnvironmentId("other");
  protected static final UserId ALICE = new UserId("usr_alice");

  protected Stores stores;

  /** A fresh, empty store no other test has written to. */
  protected abstract Stores stores();

  @BeforeEach
  void openStoreWithTwoEnvironments() {
    stores = stores();
    stores.environments().save(Environment.create(ENV, "Demo"));
    stores.environments().save(Environment.create(OTHER_ENV, "Other"));
  }

  /** Alice of {@code demo}: a sign-in email ({@code cred_mail}) and an external wallet. */
  protected static User alice() {
    return aUser()
        .withId(ALICE)
        .in(ENV)
        .createdAt(T0)
        .with(anEmail("alice@example.com").withId("cred_mail"))
        .with(anExternalWallet("0xabc").withId("cred_wallet").addedAt(T0.plusSeconds(1)))
        .build();
  }

  /** How many of {@code threads} callers, let go at once, saw {@code attempt} answer true. */
  protected static int winnersOf(int threads, Callable<Boolean> attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return attempt.call();
                }));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> call : calls) {
        won += call.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stores Alice, whom rows of other ports refer to. */
  protected User givenAlice() {
    User alice = alice();
    stores.users().save(alice);
    return alice;
  }
}
