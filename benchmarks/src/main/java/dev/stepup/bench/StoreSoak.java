package dev.stepup.bench;

import dev.stepup.adapter.out.persistence.H2Housekeeping;
import dev.stepup.adapter.out.persistence.H2Settings;
import dev.stepup.adapter.out.persistence.JdbcAuditTrail;
import dev.stepup.adapter.out.persistence.JdbcDeadRows;
import dev.stepup.adapter.out.persistence.JdbcElevatedTokens;
import dev.stepup.adapter.out.persistence.JdbcJobLeases;
import dev.stepup.adapter.out.persistence.JdbcTransactionRunner;
import dev.stepup.adapter.out.persistence.Migrations;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.SealAuditTrailService;
import dev.stepup.application.service.operations.PurgeExpiredDataService;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.retention.RetentionPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Does the H2 file stop growing once retention has passed? Drives the real JDBC adapters, the purge
 * and the H2 housekeeping through simulated days of steady issuance (a token and its audit record
 * per issuance, as the server writes them) with a clock that jumps ahead, because retention is at
 * least an hour for tokens and a day for audit records. Prints the file size, the live rows and the
 * bytes per live row once per simulated hour. Options: {@code --out}, {@code --rate} (tokens per
 * simulated second), {@code --days}.
 */
public final class StoreSoak {

  private static final EnvironmentId ENV = new EnvironmentId("demo");
  private static final int GROUP = 64;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(arg(args, "--out", "target/soak"));
    double rate = Double.parseDouble(arg(args, "--rate", "5"));
    double days = Double.parseDouble(arg(args, "--days", "2.5"));
    Files.createDirectories(out);
    Path data = Files.createTempDirectory(out, "data-");
    try (PrintStream report =
        new PrintStream(Files.newOutputStream(out.resolve("soak.tsv")), true, "UTF-8")) {
      new StoreSoak().run(data, rate, days, report);
    }
  }

  private void run(Path data, double rate, double days, PrintStream report) throws Exception {
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(H2Settings.url(data), "stepup", "", true);
    Migrations.flyway(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    JdbcTransactionRunner transactions =
        new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
    JdbcElevatedTokens tokens = new JdbcElevatedTokens(jdbc);
    JdbcAuditTrail audit = new JdbcAuditTrail(jdbc);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    PurgeExpiredDataService purge =
        new PurgeExpiredDataService(
            new JdbcDeadRows(jdbc),
            new JdbcJobLeases(jdbc),
            new RetentionPolicy(
                RetentionPolicy.MINIMUM,
                RetentionPolicy.MINIMUM,
                RetentionPolicy.MINIMUM,
                RetentionPolicy.MINIMUM_AUDIT),
            1_000,
            Duration.ofMinutes(5),
            "soak",
            clock);
    SealAuditTrailService sealer = BenchSealer.of(dataSource, transactions, "soak", clock);
    H2Housekeeping housekeeping = new H2Housekeeping(dataSource);
    Path file = data.resolve("stepup.mv.db");
    StepUpSettings settings = StepUpSettings.defaults();
    UserId user = new UserId("usr_soak");
    Optional<SessionId> session = Optional.of(new SessionId("ses_soak"));
    RequestOrigin origin = new RequestOrigin("203.0.113.7", "soak/1.0");
    long total = (long) (rate * days * 86_400);
    Duration step = Duration.ofNanos((long) (GROUP / rate * 1e9));
    Instant nextPurge = clock.instant().plus(Duration.ofMinutes(10));
    Instant nextReport = clock.instant();
    report.println(
        "simulated_hours\tissued\tlive_tokens\taudit_rows\tfile_bytes\tbytes_per_live_row");
    for (long issued = 0; issued < total; issued += GROUP) {
      Instant now = clock.instant();
      transactions.inTransaction(
          () -> {
            for (int i = 0; i < GROUP; i++) {
              ElevatedToken token =
                  ElevatedToken.issue(
                      new ElevatedTokenId(RandomTokens.orderedId("tok", now)),
                      ENV,
                      user,
                      session,
                      Set.of(Scope.WALLET_EXPORT),
                      Optional.of(VerificationMethod.EMAIL_OTP),
                      settings,
                      now);
              tokens.add(token);
              audit.record(
                  new AuditEvent(
                      now,
                      Optional.of(ENV),
                      AuditEventType.TOKEN_ISSUED,
                      AuditEvent.Outcome.SUCCESS,
                      Optional.of(user),
                      session,
                      token.scopes(),
                      token.method(),
                      Optional.of(token.id().value()),
                      Optional.empty(),
                      origin));
            }
          });
      sealer.sealPending();
      housekeeping.run();
      clock.advance(step);
      if (!clock.instant().isBefore(nextPurge)) {
        purge.purgeExpiredData();
        nextPurge = clock.instant().plus(Duration.ofMinutes(10));
      }
      if (!clock.instant().isBefore(nextReport)) {
        long live = count(jdbc, "elevated_tokens");
        long audits = count(jdbc, "audit_trail");
        long bytes = Files.size(file);
        report.printf(
            Locale.ROOT,
            "%.1f\t%d\t%d\t%d\t%d\t%.0f%n",
            Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.instant()).toMinutes()
                / 60.0,
            issued + GROUP,
            live,
            audits,
            bytes,
            (double) bytes / Math.max(1, live + audits));
        nextReport = clock.instant().plus(Duration.ofHours(1));
      }
    }
    dataSource.destroy();
  }

  private static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
