package dev.stepup.application.service.signin;

import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Failed hosted sign-ins by code, counted per address and per client, apart from the user's step-up
 * tallies: anyone can type an address into the hosted sign-in, so its failures must never lock the
 * account's owner out of step-up.
 */
public final class SignInAttempts {

  private final SignInThrottle throttle;
  private final SecretHasher hasher;
  private final Audit audit;

  public SignInAttempts(SignInTallies tallies, SecretHasher hasher, Audit audit, Clock clock) {
    this.throttle = new SignInThrottle(tallies, audit, clock);
    this.hasher = hasher;
    this.audit = audit;
  }

  /**
   * What is counted: the address (as a keyed digest, so the table holds no addresses and any length
   * fits) and the client, both per environment and apart from the console's subjects.
   */
  public List<String> subjects(EnvironmentId environmentId, String address, RequestOrigin origin) {
    String env = environmentId.value();
    String client = origin.clientIp().isBlank() ? "unknown" : origin.clientIp();
    return List.of(
        "hosted-address:" + env + ":" + hasher.digest("sign-in-address:" + env + ":" + address),
        truncate("hosted-ip:" + env + ":" + client));
  }

  /** How long sign-ins of these subjects stay refused, if any is locked. */
  public Optional<Duration> locked(List<String> subjects) {
    return throttle.locked(subjects);
  }

  /**
   * Counts the attempt as a failure of each subject before the code is checked (concurrent guesses
   * cannot slip past the threshold); answers the time left when a subject was already locked.
   */
  public Optional<Duration> begin(
      EnvironmentId environmentId,
      Optional<UserId> userId,
      List<String> subjects,
      RequestOrigin origin) {
    return throttle.attempt(
        subjects,
        subject -> {
          Audit.Entry lockout =
              audit
                  .event(AuditEventType.LOCKOUT, environmentId, origin)
                  .method(Optional.of(VerificationMethod.EMAIL_OTP));
          userId.ifPresent(lockout::user);
          lockout.failure("hosted_sign_in:" + subject.substring(0, subject.indexOf(':')));
        });
  }

  /** The code was right: the address and the client start over (the attempt was counted ahead). */
  public void succeeded(List<String> subjects) {
    throttle.forget(subjects);
  }

  private static String truncate(String value) {
    return value.length() <= SignInTally.MAX_SUBJECT
        ? value
        : value.substring(0, SignInTally.MAX_SUBJECT);
  }
}
