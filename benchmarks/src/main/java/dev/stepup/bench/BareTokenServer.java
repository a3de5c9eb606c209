package dev.stepup.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepup.adapter.out.crypto.jwt.JwtElevatedTokenSigner;
import dev.stepup.adapter.out.crypto.secret.AesGcmSecretCipher;
import dev.stepup.adapter.out.persistence.GroupCommit;
import dev.stepup.adapter.out.persistence.H2Settings;
import dev.stepup.adapter.out.persistence.JdbcAuditTrail;
import dev.stepup.adapter.out.persistence.JdbcElevatedTokens;
import dev.stepup.adapter.out.persistence.JdbcSessions;
import dev.stepup.adapter.out.persistence.JdbcSigningKeys;
import dev.stepup.adapter.out.persistence.JdbcTransactionRunner;
import dev.stepup.adapter.out.persistence.Migrations;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.SealAuditTrailService;
import dev.stepup.application.service.token.IntrospectElevatedTokenService;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The server's token core with nothing in front of it: issuance by the product's {@link TokenMint}
 * (ES256 signature, token and audit record in one shared durable commit, ADR 0019) and spending by
 * its {@link IntrospectElevatedTokenService}, on an H2 file opened as the server opens it, with the
 * audit sealer every 100 ms, behind the JDK's own HTTP server: no authentication, routing, JSON
 * binding or request log. {@code POST /} issues, {@code POST /spend} spends. What it reaches bounds
 * what any web stack in front of the same core could reach on the machine ({@code
 * TokenCoreCeiling}). Arguments: port, data folder, worker threads, optionally the group commit's
 * linger in microseconds (1,000, the server's default). Run with {@code
 * -Dsun.net.httpserver.nodelay=true}.
 */
public final class BareTokenServer {

  private static final EnvironmentId ENV = new EnvironmentId("demo");
  private static final UserId USER = new UserId("usr_bench");
  private static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "wrk");

  private final TokenMint mint;
  private final IntrospectElevatedTokenService introspection;
  private final Clock clock;
  private final StepUpSettings settings = StepUpSettings.defaults();

  private BareTokenServer(
      TokenMint mint, IntrospectElevatedTokenService introspection, Clock clock) {
    this.mint = mint;
    this.introspection = introspection;
    this.clock = clock;
  }

  public static void main(String[] args) throws IOException {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(H2Settings.url(Path.of(args[1])));
    dataSource.setUsername("stepup");
    Migrations.flyway(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    JdbcTransactionRunner runner =
        new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
    // As the server's defaults: groups of up to 64, a leader lingers up to 1 ms (or args[3] µs).
    Duration linger =
        Duration.of(args.length > 3 ? Long.parseLong(args[3]) : 1_000, ChronoUnit.MICROS);
    GroupCommit transactions = new GroupCommit(runner, 64, linger);
    byte[] masterKey = new byte[32];
    new SecureRandom().nextBytes(masterKey);
    Clock clock = Clock.systemUTC();
    JwtElevatedTokenSigner signer =
        new JwtElevatedTokenSigner(
            new JdbcSigningKeys(jdbc, transactions),
            new AesGcmSecretCipher(masterKey),
            "http://127.0.0.1",
            Duration.ofDays(30),
            clock);
    JdbcElevatedTokens tokens = new JdbcElevatedTokens(jdbc);
    JdbcAuditTrail audit = new JdbcAuditTrail(jdbc);
    BareTokenServer issuance =
        new BareTokenServer(
            new TokenMint(tokens, signer, audit, transactions, clock),
            new IntrospectElevatedTokenService(
                new JdbcSessions(jdbc), tokens, signer, audit, transactions, clock),
            clock);
    SealAuditTrailService sealer = BenchSealer.of(dataSource, transactions, "bare", clock);
    ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    schedule.scheduleWithFixedDelay(sealer::sealPending, 100, 100, TimeUnit.MILLISECONDS);
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
    server.createContext("/", issuance::issue);
    server.createContext("/spend", issuance::spend);
    server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(args[2])));
    server.start();
  }

  /** GET: ready; POST: a token, 201 with its compact form once its record is durable. */
  private void issue(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (!exchange.getRequestMethod().equals("POST")) {
      answer(exchange, 200, "{}");
      return;
    }
    Instant now = clock.instant();
    ElevatedToken token =
        ElevatedToken.issue(
            new ElevatedTokenId(RandomTokens.orderedId("tok", now)),
            ENV,
            USER,
            Optional.empty(), // no session, so that spending it looks none up
            Set.of(Scope.WALLET_EXPORT),
            Optional.of(VerificationMethod.EMAIL_OTP),
            settings,
            now);
    answer(
        exchange,
        201,
        "{\"elevatedAccessToken\":\"" + mint.mint(token, ORIGIN).elevatedAccessToken() + "\"}");
  }

  /**
   * A consuming introspection of the token in {@code {"token":"..."}}: 200 whether it was spent or
   * not, 400 for a body without one.
   */
  private void spend(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
    int key = body.indexOf("\"token\":\"");
    int end = key < 0 ? -1 : body.indexOf('"', key + 9);
    if (end < 0) {
      answer(exchange, 400, "{\"error\":\"no token in the body\"}");
      return;
    }
    String token = body.substring(key + 9, end);
    boolean active =
        introspection
            .introspect(
                new IntrospectCommand(ENV, token, Optional.empty(), true, ORIGIN, Optional.empty()))
            .active();
    answer(exchange, 200, "{\"active\":" + active + "}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.US_ASCII);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
