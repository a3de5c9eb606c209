package dev.stepup.adapter.in.web.api.mfa;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.adapter.in.web.api.stepup.MfaVerification;
import dev.stepup.adapter.in.web.api.view.CreateMfaToken;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.adapter.in.web.api.view.TokenResponse;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpCommand;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpUseCase;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.domain.environment.StepUpSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys: registration (an MFA enrolment behind {@code credential:link}) and assertion for
 * step-up. Options and credentials travel in the WebAuthn JSON forms browsers produce with {@code
 * PublicKeyCredential.parse*OptionsFromJSON} and {@code credential.toJSON()}.
 */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT)
@Tag(name = "End user: passkeys")
@SecurityRequirement(name = "sessionToken")
class PasskeyController {

  private final PasskeyUseCase passkeys;
  private final StartPasskeyStepUpUseCase startStepUp;
  private final VerifyStepUpUseCase verifyStepUp;
  private final LegacyMfaUseCase legacy;

  PasskeyController(
      PasskeyUseCase passkeys,
      StartPasskeyStepUpUseCase startStepUp,
      VerifyStepUpUseCase verifyStepUp,
      LegacyMfaUseCase legacy) {
    this.passkeys = passkeys;
    this.startStepUp = startStepUp;
    this.verifyStepUp = verifyStepUp;
    this.legacy = legacy;
  }

  record OptionsRequest(@Size(max = 64) String alias) {}

  record OptionsResponse(String challengeId, @JsonRawValue String publicKey) {}

  record RegistrationRequest(
      @NotBlank @Size(max = 100) String challengeId, @NotNull JsonNode credential) {}

  record RegistrationResponse(String credentialId, Optional<List<String>> recoveryCodes) {
    @Override
    public String toString() {
      return "RegistrationResponse[credentialId=" + credentialId + "]";
    }
  }

  record PasskeyVerifyRequest(
      @NotBlank @Size(max = 100) String challengeId,
      @NotNull JsonNode credential,
      @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> requestedScopes,
      CreateMfaToken createMfaToken,
      @Valid OperationBody operation) {}

  @Operation(summary = "Options for registering a passkey (needs a credential:link token)")
  @PostMapping("/mfa/passkeys/registration/options")
  OptionsResponse registrationOptions(
      @PathVariable String environmentId,
      @Validated @RequestBody(required = false) OptionsRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    PasskeyUseCase.Options options =
        passkeys.registrationOptions(
            context, Optional.ofNullable(body).map(OptionsRequest::alias), elevatedToken);
    return new OptionsResponse(options.challengeId(), options.publicKeyJson());
  }

  @Operation(summary = "Register the passkey the browser created")
  @ApiResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
  @PostMapping("/mfa/passkeys/registration")
  ResponseEntity<RegistrationResponse> register(
      @PathVariable String environmentId,
      @Validated @RequestBody RegistrationRequest body,
      @Caller SessionContext context) {
    PasskeyUseCase.Registered registered =
        passkeys.register(context, body.challengeId(), body.credential().toString());
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(
            new RegistrationResponse(
                registered.credentialId().value(),
                Optional.of(registered.recoveryCodes()).filter(c -> !c.isEmpty())));
  }

  @Operation(summary = "Options for a passkey assertion (user verification required)")
  @PostMapping("/step-up/passkey/options")
  OptionsResponse assertionOptions(
      @PathVariable String environmentId, @Caller SessionContext context) {
    PasskeyUseCase.Options options = startStepUp.start(new StartPasskeyStepUpCommand(context));
    return new OptionsResponse(options.challengeId(), options.publicKeyJson());
  }

  @Operation(
      summary = "Verify the passkey assertion and receive an elevated token",
      description =
          "With the legacy createMfaToken flag instead of requestedScopes (action-based MFA,"
              + " until the environment's minimum API version is 2026_04_01): a legacy MFA token"
              + " good for every wallet action, as the TOTP verification gives; afterwards 410"
              + " legacy_api_retired.")
  @PostMapping("/step-up/passkey/verify")
  TokenResponse verify(
      @PathVariable String environmentId,
      @Validated @RequestBody PasskeyVerifyRequest body,
      @Caller SessionContext context) {
    return MfaVerification.verify(
        verifyStepUp,
        legacy,
        context,
        new Proof.PasskeyProof(body.challengeId(), body.credential().toString()),
        body.requestedScopes(),
        body.createMfaToken(),
        body.operation());
  }
}
