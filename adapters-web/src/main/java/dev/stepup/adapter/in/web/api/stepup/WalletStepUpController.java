package dev.stepup.adapter.in.web.api.stepup;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.adapter.in.web.api.view.TokenResponse;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.application.port.in.stepup.StartWalletStepUpCommand;
import dev.stepup.application.port.in.stepup.StartWalletStepUpUseCase;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.scope.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Step-up by a Sign-In with Ethereum signature of the user's external wallet. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/step-up/wallet")
@Tag(name = "End user: step-up")
@SecurityRequirement(name = "sessionToken")
class WalletStepUpController {

  private final StartWalletStepUpUseCase start;
  private final VerifyStepUpUseCase verify;

  WalletStepUpController(StartWalletStepUpUseCase start, VerifyStepUpUseCase verify) {
    this.start = start;
    this.verify = verify;
  }

  record ChallengeRequest(
      @Size(max = 100) String walletId,
      @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> requestedScopes) {}

  record ChallengeResponse(String challengeId, String walletId, String address, String message) {}

  record VerifyRequest(
      @NotBlank @Size(max = 100) String challengeId,
      @NotBlank @Size(max = 200) String signature,
      @NotEmpty @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> requestedScopes,
      @Valid OperationBody operation) {}

  @Operation(
      summary = "An EIP-4361 message for the user's external wallet to sign",
      description =
          "Names the wallet given, else the user's first external wallet. Optional"
              + " requestedScopes are named in the message; verification may then ask for no"
              + " others. Valid once, for five minutes.")
  @PostMapping("/challenge")
  ChallengeResponse challenge(
      @PathVariable String environmentId,
      @Validated @RequestBody(required = false) ChallengeRequest body,
      @Caller SessionContext context) {
    Optional<ChallengeRequest> given = Optional.ofNullable(body);
    Set<Scope> scopes =
        given
            .map(ChallengeRequest::requestedScopes)
            .filter(s -> !s.isEmpty())
            .map(Scope::parseAll)
            .orElse(Set.of());
    SignatureRequest challenge =
        start.start(
            new StartWalletStepUpCommand(
                context,
                given
                    .map(ChallengeRequest::walletId)
                    .filter(w -> !w.isBlank())
                    .map(CredentialId::new),
                scopes));
    return new ChallengeResponse(
        challenge.challengeId(),
        challenge.walletId().value(),
        challenge.address(),
        challenge.message());
  }

  @Operation(summary = "Verify the personal_sign signature and receive an elevated token")
  @PostMapping("/verify")
  TokenResponse verify(
      @PathVariable String environmentId,
      @Validated @RequestBody VerifyRequest body,
      @Caller SessionContext context) {
    return TokenResponse.of(
        verify.verify(
            new VerifyStepUpCommand(
                context,
                new Proof.WalletProof(body.challengeId(), body.signature()),
                Scope.parseAll(body.requestedScopes()),
                OperationBody.binding(body.operation()))));
  }
}
