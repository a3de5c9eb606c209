package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.application.port.out.version.RequestedApiVersion;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.version.LegacyMfaAction;
import dev.stepup.domain.version.LegacyMfaToken;
import dev.stepup.domain.version.LegacyMfaUse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Action-based MFA on top of step-up: the old action names answer as their scopes do, and the old
 * "create an MFA token" flag issues a legacy MFA token through the one verification path. Every use
 * is counted; none is served once the environment's minimum API version retires it.
 */
public final class LegacyMfaService implements LegacyMfaUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final CheckStepUpUseCase check;
  private final VerifyStepUpService verification;
  private final TokenMint mint;
  private final LegacyMfaUses uses;
  private final RequestedApiVersion version;
  private final Clock clock;

  public LegacyMfaService(
      Environments environments,
      Sessions sessions,
      Users users,
      CheckStepUpUseCase check,
      VerifyStepUpService verification,
      TokenMint mint,
      LegacyMfaUses uses,
      RequestedApiVersion version,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.check = check;
    this.verification = verification;
    this.mint = mint;
    this.uses = uses;
    this.version = version;
    this.clock = clock;
  }

  @Override
  public boolean isRequiredForAction(
      SessionContext context, String action, Optional<String> presented) {
    LegacyMfaAction legacy =
        LegacyMfaAction.fromWire(action)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "mfaAction: unknown action; use WalletWaasExport, WalletWaasSign,"
                            + " WalletWaasRefresh or WalletWaasReshare"));
    Environment environment =
        environments
            .find(context.environmentId())
            .orElseThrow(() -> new NotFoundException("environment", context.environmentId()));
    requireServed(environment);
    // A legacy path: this one write per call is what tells the admin the path is still in use.
    count(environment, LegacyMfaUse.CHECK);
    return check
        .check(
            new CheckStepUpQuery(
                context.environmentId(),
                context.sessionId(),
                legacy.scope(),
                context.origin(),
                presented))
        .isRequired();
  }

  @Override
  public IssuedElevatedToken verify(Command command) {
    Acting acting = Acting.load(command.context(), environments, sessions, users, clock.instant());
    requireServed(acting.environment());
    return verification.verify(
        command.context(),
        acting,
        command.proof(),
        LegacyMfaAction.legacyTokenScopes(),
        method -> {
          IssuedElevatedToken issued =
              mint.mint(
                  LegacyMfaToken.issue(
                      new ElevatedTokenId(RandomTokens.id(LegacyMfaToken.ID_PREFIX)),
                      acting.environment().id(),
                      acting.user().id(),
                      acting.session(),
                      method,
                      command.singleUse(),
                      clock.instant()),
                  command.context().origin());
          count(acting.environment(), LegacyMfaUse.TOKEN_ISSUED);
          return issued;
        });
  }

  private void count(Environment environment, LegacyMfaUse use) {
    uses.record(
        environment.id(),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        use,
        version.current());
  }

  static void requireServed(Environment environment) {
    if (!environment.servesLegacyMfa()) {
      throw new RefusedException(RefusalReason.LEGACY_API_RETIRED);
    }
  }
}
