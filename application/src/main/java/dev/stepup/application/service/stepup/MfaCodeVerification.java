package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.mfa.RecoveryMaterial;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.application.service.verification.Verifications;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.RecoveryCodes;
import dev.stepup.domain.mfa.TotpCheck;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The MFA half of {@link CodeVerificationService}: TOTP and recovery codes. A replayed code is
 * answered exactly like a wrong one, counted as a failure, audited as {@code replayed} and told to
 * the user.
 */
public final class MfaCodeVerification {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final TotpDevices totpDevices;
  private final RecoveryCodeStore recoveryCodes;
  private final TotpVerifier totp;
  private final SecretHasher hasher;
  private final SecretCipher cipher;
  private final StepUpPolicy policy;
  private final Verifications verifications;
  private final SecurityNotifier notifier;
  private final TransactionRunner transactions;
  private final Clock clock;

  MfaCodeVerification(
      Environments environments,
      Sessions sessions,
      Users users,
      TotpDevices totpDevices,
      RecoveryCodeStore recoveryCodes,
      TotpVerifier totp,
      SecretHasher hasher,
      SecretCipher cipher,
      StepUpPolicy policy,
      Verifications verifications,
      SecurityNotifier notifier,
      TransactionRunner transactions,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.totpDevices = totpDevices;
    this.recoveryCodes = recoveryCodes;
    this.totp = totp;
    this.hasher = hasher;
    this.cipher = cipher;
    this.policy = policy;
    this.verifications = verifications;
    this.notifier = notifier;
    this.transactions = transactions;
    this.clock = clock;
  }

  // ---- TOTP -----------------------------------------------------------------------------------

  IssuedElevatedToken verifyTotp(
      SessionContext context,
      String code,
      Optional<CredentialId> deviceId,
      Set<Scope> requestedScopes) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    VerificationMethod method = VerificationMethod.TOTP;
    verifications.permitted(
        context,
        acting,
        method,
        requestedScopes,
        policy.permitMethod(acting.environment().settings(), acting.user(), method));
    List<TotpDevice> devices = totpDevices.confirmedForUser(acting.user().id());
    if (deviceId.isPresent()) {
      devices = devices.stream().filter(d -> d.id().equals(deviceId.get())).toList();
      if (devices.isEmpty()) {
        throw Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL);
      }
    }
    AttemptLimiter.Attempt attempt = verifications.begin(context, acting, method, requestedScopes);
    String typed = code == null ? "" : code.strip();
    boolean replayed = false;
    if (SIX_DIGITS.matcher(typed).matches()) {
      long currentStep = TotpCheck.stepAt(now);
      for (TotpDevice device : devices) {
        OptionalLong step =
            totp.matchingTimeStep(cipher.decrypt(device.encryptedSecret()), typed, now);
        if (step.isEmpty()) {
          continue;
        }
        TotpCheck check = device.check(step.getAsLong(), currentStep);
        // A code accepted once is never accepted again, even on another node.
        if (check == TotpCheck.ACCEPTED && totpDevices.advanceStep(device.id(), step.getAsLong())) {
          return verifications.succeed(attempt, context, acting, method, requestedScopes);
        }
        if (check != TotpCheck.OUTSIDE_WINDOW) {
          replayed = true;
          break;
        }
      }
    }
    // A replay is answered exactly as a wrong code, so it never confirms the code was right.
    RefusedException refused =
        verifications.failed(
            attempt,
            context,
            acting,
            method,
            requestedScopes,
            Refusal.INVALID_CODE,
            "That code is not right. Check the time on your device and try the current code.",
            true,
            replayed ? CodeVerificationService.REPLAYED : Refusal.INVALID_CODE.code());
    if (replayed) {
      notifier.notify(
          acting.user(),
          SecurityNotice.CODE_REPLAYED,
          CodeVerificationService.replayedCode(method));
    }
    throw refused;
  }

  // ---- recovery codes -------------------------------------------------------------------------

  IssuedElevatedToken verifyRecoveryCode(
      SessionContext context, String code, Set<Scope> requestedScopes) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    VerificationMethod method = VerificationMethod.RECOVERY_CODE;
    verifications.permitted(
        context,
        acting,
        method,
        requestedScopes,
        policy.permitMethod(acting.environment().settings(), acting.user(), method));
    AttemptLimiter.Attempt attempt = verifications.begin(context, acting, method, requestedScopes);
    String normalized = RecoveryCodes.normalize(code == null ? "" : code);
    boolean replayed = false;
    if (RecoveryCodes.isWellFormed(normalized)) {
      // Codes carry 112+ bits, so one keyed digest per attempt finds the code by value.
      String digest = hasher.digest(recoveryMaterial(acting, normalized));
      // The notice is queued with the spend, so a used code is never left untold.
      boolean spent =
          transactions.inTransaction(
              () -> {
                if (!recoveryCodes.spend(acting.user().id(), digest, now)) {
                  return false;
                }
                int left = recoveryCodes.unusedCount(acting.user().id());
                notifier.notify(
                    acting.user(),
                    SecurityNotice.RECOVERY_CODE_USED,
                    "One of your recovery codes (" + left + " left unused)");
                return true;
              });
      if (spent) {
        return verifications.succeed(attempt, context, acting, method, requestedScopes);
      }
      replayed = recoveryCodes.isSpent(acting.user().id(), digest);
    }
    RefusedException refused =
        verifications.failed(
            attempt,
            context,
            acting,
            method,
            requestedScopes,
            Refusal.INVALID_CODE,
            "That recovery code is not valid or was already used.",
            true,
            replayed ? CodeVerificationService.REPLAYED : Refusal.INVALID_CODE.code());
    if (replayed) {
      notifier.notify(
          acting.user(),
          SecurityNotice.CODE_REPLAYED,
          CodeVerificationService.replayedCode(method));
    }
    throw refused;
  }

  static String recoveryMaterial(Acting acting, String normalizedCode) {
    return RecoveryMaterial.of(acting.user().id(), normalizedCode);
  }
}
