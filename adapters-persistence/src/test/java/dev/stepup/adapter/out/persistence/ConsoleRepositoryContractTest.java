package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the repositories behind the admin console promise (sign-in throttling, finding users,
 * dashboard counts), run against each database the product supports.
 */
abstract class ConsoleRepositoryContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final EnvironmentId ENV = new EnvironmentId("demo");
  static final EnvironmentId OTHER_ENV = new EnvironmentId("other");

  JdbcClient jdbc;
  JdbcSignInTallies signInTallies;

  /** A database no other test has written to. */
  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndConnect() {
    DataSource dataSource = freshDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    signInTallies = new JdbcSignInTallies(jdbc);
    JdbcEnvironments environments = new JdbcEnvironments(jdbc);
    environments.save(Environment.create(ENV, "Demo"));
    environments.save(Environment.create(OTHER_ENV, "Other"));
  }

  // ---- sign-in throttling ---------------------------------------------------------------------

  @Test
  void signInTalliesRoundTripAndChangeOnlyFromWhatTheWriterSaw() {
    SignInTally first = SignInTally.none("user:admin", T0).afterFailure(T0);
    assertThat(signInTallies.find("user:admin")).isEmpty();
    assertThat(signInTallies.compareAndSave(Optional.empty(), first)).isTrue();
    assertThat(signInTallies.compareAndSave(Optional.empty(), first)).isFalse();
    assertThat(signInTallies.find("user:admin")).contains(first);

    SignInTally locked = first;
    for (int i = 1; i < SignInTally.THRESHOLD; i++) {
      locked = locked.afterFailure(T0.plusSeconds(i));
    }
    assertThat(signInTallies.compareAndSave(Optional.of(first), locked)).isTrue();
    assertThat(signInTallies.compareAndSave(Optional.of(first), first.afterFailure(T0))).isFalse();
    assertThat(signInTallies.find("user:admin").orElseThrow().lockedUntil())
        .contains(T0.plusSeconds(SignInTally.THRESHOLD - 1).plus(SignInTally.LOCK));
    assertThat(signInTallies.find("ip:203.0.113.7")).isEmpty();

    signInTallies.clear("user:admin");
    assertThat(signInTallies.find("user:admin")).isEmpty();
  }
}
