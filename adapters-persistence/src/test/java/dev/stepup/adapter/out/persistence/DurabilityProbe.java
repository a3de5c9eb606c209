package dev.stepup.adapter.out.persistence;

import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedTokenId;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Run in a child process by {@link H2DurabilityTest}: issues and consumes a token in the H2 file
 * database through a group commit, as the server does, says so once the commit returned, and dies
 * on the spot.
 */
public final class DurabilityProbe {

  private DurabilityProbe() {}

  public static void main(String[] args) throws Exception {
    var dataSource =
        new SimpleDriverDataSource(
            new org.h2.Driver(), H2Settings.url(Path.of(args[0])), "stepup", "");
    Migrations.flyway(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    new JdbcEnvironments(jdbc).save(Environment.create(new EnvironmentId("demo"), "Demo"));
    JdbcElevatedTokens tokens = new JdbcElevatedTokens(jdbc);
    GroupCommit group =
        new GroupCommit(
            new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource)), 64);
    Instant now = Instant.now();
    group.inSharedCommit(
        () ->
            tokens.add(
                anElevatedToken()
                    .withId("tok_durable")
                    .in(new EnvironmentId("demo"))
                    .forUser("usr_a")
                    .inSession("ses_a")
                    .forScopes(Scope.WALLET_EXPORT)
                    .verifiedWith(VerificationMethod.EMAIL_OTP)
                    .issuedAt(now)
                    .build()));
    if (!group.inSharedCommit(
        () ->
            tokens.markSpent(
                tokens.find(new ElevatedTokenId("tok_durable")).orElseThrow(),
                Scope.WALLET_EXPORT,
                now))) {
      throw new IllegalStateException("could not consume");
    }
    System.out.println("COMMITTED");
    System.out.flush();
    // The harshest moment to die: right after the commit returned, with no shutdown hooks and
    // no chance for a background writer to catch up.
    Runtime.getRuntime().halt(137);
  }
}
