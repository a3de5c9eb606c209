package dev.stepup.adapter.in.web.api.stepup;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.adapter.in.web.api.view.CreateMfaToken;
import dev.stepup.adapter.in.web.api.view.EligibleCredential;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.adapter.in.web.api.view.TokenResponse;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SendStepUpCodeCommand;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.scope.UnknownScopeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The end user's step-up: ask whether it is needed, then prove it with a code. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/step-up")
@Tag(name = "End user: step-up")
@SecurityRequirement(name = "sessionToken")
class StepUpController {

  private static final Logger LOG = Logger.getLogger(StepUpController.class.getName());

  private final CheckStepUpUseCase check;
  private final SendStepUpCodeUseCase sendOtp;
  private final VerifyStepUpUseCase verify;
  private final LegacyMfaUseCase legacy;

  StepUpController(
      CheckStepUpUseCase check,
      SendStepUpCodeUseCase sendOtp,
      VerifyStepUpUseCase verify,
      LegacyMfaUseCase legacy) {
    this.check = check;
    this.sendOtp = sendOtp;
    this.verify = verify;
    this.legacy = legacy;
  }

  record CheckRequest(@NotBlank @Size(max = 64) String scope) {}

  /**
   * {@code reason}: {@code step_up_required}, or why not: {@code step_up_disabled}, {@code
   * scope_not_protected}, {@code presented_token} (the token sent in {@code
   * X-Elevated-Access-Token} is live, of this session and grants the scope), or {@code monitored}
   * (the scope is in monitor mode and enforcing it would have required step-up).
   */
  record CheckResponse(
      boolean isRequired,
      List<EligibleCredential> credentials,
      Optional<String> defaultCredentialId,
      @Schema(
              description =
                  "step_up_required, or why step-up is not required; monitored: the scope is in"
                      + " monitor mode and enforcing it would have required step-up",
              allowableValues = {
                "step_up_required",
                "step_up_disabled",
                "scope_not_protected",
                "presented_token",
                "monitored"
              })
          String reason) {

    static final String REQUIRED = "step_up_required";

    /** What an unexpected failure answers: never "not required". */
    static final CheckResponse FAIL_CLOSED =
        new CheckResponse(true, List.of(), Optional.empty(), REQUIRED);

    static String reason(CheckStepUpResult result) {
      return result
          .notRequiredBecause()
          .filter(why -> !result.isRequired())
          .map(
              why ->
                  switch (why) {
                    case STEP_UP_DISABLED -> "step_up_disabled";
                    case SCOPE_NOT_PROTECTED -> "scope_not_protected";
                    case VALID_TOKEN_HELD -> "presented_token";
                    case MONITORED -> "monitored";
                  })
          .orElse(REQUIRED);
    }
  }

  record SendRequest(@Size(max = 100) String credentialId) {}

  record SendResponse(String verificationType, String credentialId) {}

  record OtpVerifyRequest(
      @NotBlank @Size(max = 32) String verificationToken,
      @NotEmpty @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> requestedScopes,
      @Valid OperationBody operation) {
    @Override
    public String toString() {
      return "OtpVerifyRequest[requestedScopes=" + requestedScopes + "]";
    }
  }

  record TotpVerifyRequest(
      @NotBlank @Size(max = 32) String code,
      @Size(max = 100) String deviceId,
      @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> requestedScopes,
      CreateMfaToken createMfaToken,
      @Valid OperationBody operation) {
    @Override
    public String toString() {
      return "TotpVerifyRequest[deviceId=" + deviceId + "]";
    }
  }

  record RecoveryVerifyRequest(
      @NotBlank @Size(max = 64) String code,
      @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> requestedScopes,
      CreateMfaToken createMfaToken,
      @Valid OperationBody operation) {
    @Override
    public String toString() {
      return "RecoveryVerifyRequest[requestedScopes=" + requestedScopes + "]";
    }
  }

  @Operation(
      summary = "Whether the user must step up for a scope, and with which credentials",
      description =
          "Not required when step-up is off, the scope is unprotected, or the elevated token sent"
              + " in X-Elevated-Access-Token is live, of this session and grants the scope; a"
              + " token the server issued but the client does not present never counts. A scope"
              + " in monitor mode answers not required (reason monitored) where enforcing would"
              + " require step-up; the server audits each such answer.")
  @PostMapping("/check")
  CheckResponse check(
      @PathVariable String environmentId,
      @Validated @RequestBody CheckRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken(challenged = false) Optional<String> presented) {
    Scope scope = Scope.parse(body.scope());
    try {
      CheckStepUpResult result =
          check.check(
              new CheckStepUpQuery(
                  context.environmentId(),
                  context.sessionId(),
                  scope,
                  context.origin(),
                  presented));
      return new CheckResponse(
          result.isRequired(),
          result.credentials().stream().map(EligibleCredential::of).toList(),
          result.defaultCredentialId().map(CredentialId::value),
          CheckResponse.reason(result));
    } catch (UnknownScopeException e) {
      // A scope this environment does not define is refused (400), not answered.
      throw e;
    } catch (RuntimeException e) {
      // A client must never read a failure as "not required".
      LOG.log(Level.SEVERE, "check failed; answering required", e);
      return CheckResponse.FAIL_CLOSED;
    }
  }

  @Operation(summary = "Send a one-time code to the user's email or phone")
  @PostMapping("/otp/send")
  SendResponse send(
      @PathVariable String environmentId,
      @Validated @RequestBody(required = false) SendRequest body,
      @Caller SessionContext context) {
    Optional<CredentialId> credential =
        Optional.ofNullable(body)
            .map(SendRequest::credentialId)
            .filter(id -> !id.isBlank())
            .map(CredentialId::new);
    SendStepUpCodeUseCase.CodeSent sent =
        sendOtp.send(new SendStepUpCodeCommand(context, credential));
    return new SendResponse(
        sent.channel() == VerificationMethod.SMS_OTP ? "sms" : "email",
        sent.credentialId().value());
  }

  @Operation(summary = "Verify the one-time code and receive an elevated token")
  @PostMapping("/otp/verify")
  TokenResponse verifyOtp(
      @PathVariable String environmentId,
      @Validated @RequestBody OtpVerifyRequest body,
      @Caller SessionContext context) {
    return TokenResponse.of(
        verify.verify(
            new VerifyStepUpCommand(
                context,
                new Proof.OtpProof(body.verificationToken()),
                Scope.parseAll(body.requestedScopes()),
                OperationBody.binding(body.operation()))));
  }

  @Operation(
      summary = "Verify a TOTP code and receive an elevated token",
      description =
          "With the legacy createMfaToken flag instead of requestedScopes (action-based MFA,"
              + " until the environment's minimum API version is 2026_04_01): a legacy MFA token"
              + " good for every wallet action; afterwards 410 legacy_api_retired.")
  @PostMapping("/totp/verify")
  TokenResponse verifyTotp(
      @PathVariable String environmentId,
      @Validated @RequestBody TotpVerifyRequest body,
      @Caller SessionContext context) {
    Optional<CredentialId> device =
        Optional.ofNullable(body.deviceId()).filter(id -> !id.isBlank()).map(CredentialId::new);
    return MfaVerification.verify(
        verify,
        legacy,
        context,
        new Proof.TotpProof(body.code(), device),
        body.requestedScopes(),
        body.createMfaToken(),
        body.operation());
  }

  @Operation(
      summary = "Verify a recovery code (each works once) and receive an elevated token",
      description = "Takes the legacy createMfaToken flag as the TOTP verification does.")
  @PostMapping("/recovery-code/verify")
  TokenResponse verifyRecoveryCode(
      @PathVariable String environmentId,
      @Validated @RequestBody RecoveryVerifyRequest body,
      @Caller SessionContext context) {
    return MfaVerification.verify(
        verify,
        legacy,
        context,
        new Proof.RecoveryCodeProof(body.code()),
        body.requestedScopes(),
        body.createMfaToken(),
        body.operation());
  }
}
