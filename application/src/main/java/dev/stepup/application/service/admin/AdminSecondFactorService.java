package dev.stepup.application.service.admin;

import dev.stepup.application.port.in.admin.AdminTotpEnrolment;
import dev.stepup.application.port.in.admin.CheckAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.ConfirmAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import dev.stepup.application.port.in.admin.StartAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.VerifyAdminTotpUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.mfa.TotpProvisioning;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.signin.SignInThrottle;
import dev.stepup.domain.access.AdminAccount;
import dev.stepup.domain.access.SignInTally;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Console admins' authenticator apps: the secret is sealed at rest, a code's time step is spent
 * once, and attempts are throttled per admin and per client before a code is checked.
 */
public final class AdminSecondFactorService
    implements CheckAdminTotpEnrolmentUseCase,
        StartAdminTotpEnrolmentUseCase,
        ConfirmAdminTotpEnrolmentUseCase,
        VerifyAdminTotpUseCase {

  static final String ISSUER = "Step-up console";

  private final AdminAccounts admins;
  private final TotpVerifier totp;
  private final TotpProvisioning provisioning;
  private final SecretCipher cipher;
  private final TransactionRunner transactions;
  private final SignInThrottle throttle;
  private final Audit audit;
  private final Clock clock;

  public AdminSecondFactorService(
      AdminAccounts admins,
      TotpVerifier totp,
      TotpProvisioning provisioning,
      SecretCipher cipher,
      TransactionRunner transactions,
      SignInTallies tallies,
      AuditTrail auditTrail,
      Clock clock) {
    this.admins = admins;
    this.totp = totp;
    this.provisioning = provisioning;
    this.cipher = cipher;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.throttle = new SignInThrottle(tallies, audit, clock);
    this.clock = clock;
  }

  @Override
  public boolean enrolled(String username) {
    return admins.find(username).map(AdminAccount::secondFactorEnrolled).orElse(false);
  }

  @Override
  public AdminTotpEnrolment startEnrolment(String username) {
    byte[] secret = totp.newSecret();
    return new AdminTotpEnrolment(
        cipher.encrypt(secret),
        provisioning.base32(secret),
        provisioning.otpauthUri(ISSUER, username, secret));
  }

  @Override
  public SecondFactorOutcome confirmEnrolment(ConfirmAdminTotpEnrolmentUseCase.Command command) {
    String username = command.username();
    byte[] sealedSecret = command.sealedSecret();
    String code = command.code();
    RequestOrigin origin = command.origin();
    Optional<Duration> throttled = begin(username, origin);
    if (throttled.isPresent()) {
      return new SecondFactorOutcome.Throttled(throttled.get());
    }
    byte[] secret = cipher.decrypt(sealedSecret);
    OptionalLong step = totp.matchingTimeStep(secret, code, clock.instant());
    boolean enrolled =
        step.isPresent()
            && transactions.inTransaction(
                () -> {
                  Optional<AdminAccount> account = admins.find(username);
                  if (account.isEmpty() || account.get().secondFactorEnrolled()) {
                    return false;
                  }
                  admins.save(account.get().enrolTotp(sealedSecret, step.getAsLong()));
                  return true;
                });
    return judged(username, origin, enrolled, AuditEventType.ADMIN_SECOND_FACTOR_ENROLLED);
  }

  @Override
  public SecondFactorOutcome verify(VerifyAdminTotpUseCase.Command command) {
    String username = command.username();
    String code = command.code();
    RequestOrigin origin = command.origin();
    Optional<Duration> throttled = begin(username, origin);
    if (throttled.isPresent()) {
      return new SecondFactorOutcome.Throttled(throttled.get());
    }
    boolean accepted =
        admins
            .find(username)
            .flatMap(AdminAccount::totp)
            .map(
                t -> {
                  OptionalLong step =
                      totp.matchingTimeStep(
                          cipher.decrypt(t.sealedSecret()), code, clock.instant());
                  // A step at or before the last accepted one is a replay of a spent code.
                  return step.isPresent()
                      && t.accepts(step.getAsLong())
                      && admins.acceptTotpStep(username, step.getAsLong());
                })
            .orElse(false);
    return judged(username, origin, accepted, AuditEventType.ADMIN_SECOND_FACTOR);
  }

  private Optional<Duration> begin(String username, RequestOrigin origin) {
    Optional<Duration> refused =
        throttle.attempt(
            subjects(username, origin),
            AdminSignInService.actor(username),
            origin,
            "admin_second_factor:");
    refused.ifPresent(
        wait ->
            audit
                .event(AuditEventType.ADMIN_SECOND_FACTOR, null, origin)
                .actor(AdminSignInService.actor(username))
                .failure("throttled"));
    return refused;
  }

  private SecondFactorOutcome judged(
      String username, RequestOrigin origin, boolean accepted, AuditEventType type) {
    var event = audit.event(type, null, origin).actor(AdminSignInService.actor(username));
    if (!accepted) {
      event.failure("bad_code");
      return new SecondFactorOutcome.Rejected();
    }
    throttle.forget(subjects(username, origin));
    event.success();
    return new SecondFactorOutcome.Accepted();
  }

  /** Counted apart from passwords, so a wrong code never locks out the password and vice versa. */
  static List<String> subjects(String username, RequestOrigin origin) {
    String user = "totp:user:" + AdminSignInService.actor(username).toLowerCase(Locale.ROOT);
    String ip = "totp:ip:" + (origin.clientIp().isBlank() ? "unknown" : origin.clientIp());
    return List.of(
        AdminSignInService.truncate(user, SignInTally.MAX_SUBJECT),
        AdminSignInService.truncate(ip, SignInTally.MAX_SUBJECT));
  }
}
