package dev.stepup.adapter.in.web.api.stepup;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Action-based MFA's question, kept for clients written before API version 2026_04_01. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/mfa")
@Tag(name = "End user: legacy action-based MFA")
@SecurityRequirement(name = "sessionToken")
class LegacyMfaController {

  private static final Logger LOG = Logger.getLogger(LegacyMfaController.class.getName());

  private final LegacyMfaUseCase legacy;

  LegacyMfaController(LegacyMfaUseCase legacy) {
    this.legacy = legacy;
  }

  record RequiredForActionRequest(@NotBlank @Size(max = 64) String mfaAction) {}

  record RequiredForActionResponse(boolean isRequired) {}

  @Operation(
      summary = "Legacy: whether MFA is required before an action (use checkStepUp instead)",
      description =
          "mfaAction is an old action name (WalletWaasExport, WalletWaasSign, WalletWaasRefresh,"
              + " WalletWaasReshare); the answer is checkStepUp's for the scope it maps to"
              + " (wallet:export, wallet:sign, wallet:refresh, wallet:reshare). Once the"
              + " environment's minimum API version is 2026_04_01: 410 legacy_api_retired.",
      deprecated = true)
  @PostMapping("/required-for-action")
  RequiredForActionResponse requiredForAction(
      @PathVariable String environmentId,
      @Validated @RequestBody RequiredForActionRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken(challenged = false) Optional<String> presented) {
    try {
      return new RequiredForActionResponse(
          legacy.isRequiredForAction(context, body.mfaAction(), presented));
    } catch (RefusedException | IllegalArgumentException answered) {
      throw answered;
    } catch (RuntimeException e) {
      // As the check: a failure must never read as "not required".
      LOG.log(Level.SEVERE, "legacy MFA check failed; answering required", e);
      return new RequiredForActionResponse(true);
    }
  }
}
