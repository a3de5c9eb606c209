package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.application.port.in.stepup.StartWalletStepUpCommand;
import dev.stepup.application.port.in.stepup.StartWalletStepUpUseCase;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.CredentialChoice;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives the session a Sign-In with Ethereum message naming the action, for the external wallet the
 * policy chooses (never an embedded one).
 */
public final class StartWalletStepUpService implements StartWalletStepUpUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final WalletChallengeIssuer issuer;
  private final StepUpPolicy policy;
  private final AttemptLimiter limiter;
  private final Clock clock;

  public StartWalletStepUpService(
      Environments environments,
      Sessions sessions,
      Users users,
      WalletChallengeIssuer issuer,
      StepUpPolicy policy,
      AttemptLimiter limiter,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.issuer = issuer;
    this.policy = policy;
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  public SignatureRequest start(StartWalletStepUpCommand command) {
    Instant now = clock.instant();
    Acting acting = Acting.load(command.context(), environments, sessions, users, now);
    Set<Scope> scopes = acting.environment().settings().described(command.scopes());
    CredentialChoice choice =
        policy.credentialFor(
            acting.environment().settings(),
            acting.user(),
            acting.session(),
            List.of(VerificationMethod.WALLET),
            command.walletId());
    if (choice instanceof CredentialChoice.NotOfMethod) {
      throw new RefusedException(RefusalReason.NOT_AN_ACCOUNT_WALLET);
    }
    if (choice instanceof CredentialChoice.Refused refused) {
      throw Refusals.of(refused.reason());
    }
    Credential wallet = ((CredentialChoice.Chosen) choice).credential();
    limiter.ensureNotLocked(acting.user().id(), VerificationMethod.WALLET);
    WalletChallenge challenge =
        issuer.issue(
            command.context(),
            acting,
            wallet.id(),
            wallet.identifier(),
            statement(scopes),
            new WalletChallenge.Purpose.StepUp(scopes),
            now);
    return new SignatureRequest(
        challenge.id(), wallet.id(), challenge.address(), challenge.message());
  }

  static String statement(Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      return "Confirm it is you to continue with a protected action.";
    }
    return "Confirm it is you to "
        + scopes.stream()
            .sorted()
            .map(s -> s.action() + " (" + s.wire() + ")")
            .collect(Collectors.joining(" and "))
        + ".";
  }
}
