package dev.stepup.adapter.in.web.api.mfa;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.application.port.in.mfa.ChooseDefaultMfaUseCase;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.RegenerateRecoveryCodesUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Base64;
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

/**
 * The user's MFA: TOTP enrolment, recovery codes and the default device. Enrolment and new recovery
 * codes need an elevated token for {@code credential:link}.
 */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/mfa")
@Tag(name = "End user: MFA enrolment")
@SecurityRequirement(name = "sessionToken")
class MfaController {

  private final StartTotpEnrolmentUseCase startTotp;
  private final ConfirmTotpEnrolmentUseCase confirmTotp;
  private final RegenerateRecoveryCodesUseCase recoveryCodes;
  private final ChooseDefaultMfaUseCase defaultMfa;

  MfaController(
      StartTotpEnrolmentUseCase startTotp,
      ConfirmTotpEnrolmentUseCase confirmTotp,
      RegenerateRecoveryCodesUseCase recoveryCodes,
      ChooseDefaultMfaUseCase defaultMfa) {
    this.startTotp = startTotp;
    this.confirmTotp = confirmTotp;
    this.recoveryCodes = recoveryCodes;
    this.defaultMfa = defaultMfa;
  }

  record EnrolRequest(@Size(max = 64) String alias) {}

  /** Shown once: the secret never leaves the server again. */
  record EnrolResponse(String deviceId, String secret, String otpauthUri, String qrCode) {
    @Override
    public String toString() {
      return "EnrolResponse[deviceId=" + deviceId + "]";
    }
  }

  record ConfirmRequest(@NotBlank @Size(max = 32) String code) {
    @Override
    public String toString() {
      return "ConfirmRequest";
    }
  }

  record RecoveryCodesResponse(Optional<List<String>> recoveryCodes) {
    @Override
    public String toString() {
      return "RecoveryCodesResponse";
    }
  }

  record DefaultRequest(@NotBlank @Size(max = 100) String credentialId) {}

  @Operation(
      summary = "Start TOTP enrolment (needs a credential:link token when the user has MFA)",
      description =
          "Answers the secret, the otpauth:// URI and the same URI as a QR code PNG data URI.")
  @ApiResponse(
      responseCode = "201",
      description = "Pending until confirmed",
      content = @Content(schema = @Schema(implementation = EnrolResponse.class)))
  @PostMapping("/totp/devices")
  ResponseEntity<EnrolResponse> startTotp(
      @PathVariable String environmentId,
      @Validated @RequestBody(required = false) EnrolRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    TotpEnrolment enrolment =
        startTotp.startTotpEnrolment(
            new StartTotpEnrolmentUseCase.Command(
                context,
                Optional.ofNullable(body).map(EnrolRequest::alias).filter(a -> !a.isBlank()),
                elevatedToken));
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(
            new EnrolResponse(
                enrolment.deviceId().value(),
                enrolment.secretBase32(),
                enrolment.otpauthUri(),
                "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(enrolment.qrCodePng())));
  }

  @Operation(summary = "Confirm a TOTP device with its first code")
  @PostMapping("/totp/devices/{deviceId}/confirm")
  ResponseEntity<RecoveryCodesResponse> confirmTotp(
      @PathVariable String environmentId,
      @PathVariable String deviceId,
      @Validated @RequestBody ConfirmRequest body,
      @Caller SessionContext context) {
    List<String> codes =
        confirmTotp.confirmTotp(
            new ConfirmTotpEnrolmentUseCase.Command(
                context, new CredentialId(deviceId), body.code()));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new RecoveryCodesResponse(Optional.of(codes).filter(c -> !c.isEmpty())));
  }

  @Operation(summary = "Replace the recovery codes (needs a credential:link token)")
  @PostMapping("/recovery-codes")
  ResponseEntity<RecoveryCodesResponse> regenerate(
      @PathVariable String environmentId,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    List<String> codes =
        recoveryCodes.regenerateRecoveryCodes(
            new RegenerateRecoveryCodesUseCase.Command(context, elevatedToken));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new RecoveryCodesResponse(Optional.of(codes)));
  }

  @Operation(
      summary = "Choose the MFA device offered first (needs a credential:link token)",
      description =
          "An MFA change like enrolment: send X-Elevated-Access-Token for credential:link.")
  @ApiResponse(responseCode = "204", description = "The default device is set")
  @PostMapping("/default")
  ResponseEntity<Void> chooseDefault(
      @PathVariable String environmentId,
      @Validated @RequestBody DefaultRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    defaultMfa.chooseDefault(
        new ChooseDefaultMfaUseCase.Command(
            context, new CredentialId(body.credentialId()), elevatedToken));
    return ResponseEntity.noContent().build();
  }
}
