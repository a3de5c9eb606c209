package dev.stepup.adapter.in.web.api.stepup;

import dev.stepup.adapter.in.web.api.view.CreateMfaToken;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.adapter.in.web.api.view.TokenResponse;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.domain.scope.Scope;
import java.util.List;

/**
 * An MFA verification's request, shared by TOTP, recovery codes and passkeys: scoped (optionally
 * bound to an operation), or with the legacy {@code createMfaToken} flag instead of {@code
 * requestedScopes} a legacy MFA token (until the environment retires action-based MFA).
 */
public final class MfaVerification {

  private MfaVerification() {}

  public static TokenResponse verify(
      VerifyStepUpUseCase verify,
      LegacyMfaUseCase legacy,
      SessionContext context,
      Proof proof,
      List<String> requestedScopes,
      CreateMfaToken legacyFlag,
      OperationBody operation) {
    List<String> scopes = requestedScopes == null ? List.of() : requestedScopes;
    if (legacyFlag != null) {
      if (operation != null) {
        throw new IllegalArgumentException(
            "operation: a legacy MFA token cannot be bound; send requestedScopes");
      }
      if (!scopes.isEmpty()) {
        throw new IllegalArgumentException(
            "requestedScopes: send either requestedScopes or the legacy createMfaToken, not both");
      }
      return TokenResponse.of(
          legacy.verify(new LegacyMfaUseCase.Command(context, proof, legacyFlag.isSingleUse())));
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("requestedScopes: at least one scope");
    }
    return TokenResponse.of(
        verify.verify(
            new VerifyStepUpCommand(
                context, proof, Scope.parseAll(scopes), OperationBody.binding(operation))));
  }
}
