package dev.stepup.bench;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What {@code check} decides once the session, user and tokens are loaded. */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyBenchmark {

  private final StepUpPolicy policy = new StepUpPolicy();
  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");
  private StepUpSettings settings;
  private User reauthUser;
  private User mfaUser;
  private Session session;
  private List<ElevatedToken> tenTokens;

  @Setup
  public void setUp() {
    EnvironmentId env = new EnvironmentId("bench");
    settings = StepUpSettings.defaults();
    Credential email =
        new Credential(
            new CredentialId("cred_mail"),
            CredentialFormat.EMAIL,
            "ada@example.com",
            Optional.empty(),
            Optional.empty(),
            true,
            now,
            false);
    Credential totp =
        new Credential(
            new CredentialId("cred_totp"),
            CredentialFormat.TOTP,
            "totp-1",
            Optional.empty(),
            Optional.of("Phone"),
            false,
            now,
            false);
    reauthUser = new User(new UserId("usr_ada"), env, now, List.of(email));
    mfaUser = new User(new UserId("usr_ada"), env, now, List.of(email, totp));
    session =
        Session.start(
            new SessionId("ses_1"),
            env,
            reauthUser.id(),
            Optional.of(email.id()),
            now,
            SessionTimeouts.DEFAULTS);
    tenTokens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tenTokens.add(
          ElevatedToken.issue(
              new ElevatedTokenId("tok_" + i),
              env,
              reauthUser.id(),
              Optional.of(session.id()),
              Set.of(Scope.WALLET_SIGN),
              Optional.of(VerificationMethod.EMAIL_OTP),
              settings,
              now));
    }
  }

  @Benchmark
  public StepUpDecision reauthRequired() {
    return policy.decide(settings, reauthUser, session, Scope.WALLET_EXPORT, List.of(), now);
  }

  @Benchmark
  public StepUpDecision mfaRequired() {
    return policy.decide(settings, mfaUser, session, Scope.WALLET_EXPORT, List.of(), now);
  }

  @Benchmark
  public StepUpDecision coveredByOneOfTenTokens() {
    return policy.decide(settings, reauthUser, session, Scope.WALLET_SIGN, tenTokens, now);
  }
}
