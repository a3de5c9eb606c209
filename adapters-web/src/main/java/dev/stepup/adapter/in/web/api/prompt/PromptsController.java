package dev.stepup.adapter.in.web.api.prompt;

import dev.stepup.adapter.in.web.PublicUrl;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.HostBackend;
import dev.stepup.application.port.in.prompt.CreatePromptCommand;
import dev.stepup.application.port.in.prompt.CreatePromptUseCase;
import dev.stepup.application.port.in.prompt.CreatePromptUseCase.CreatedPrompt;
import dev.stepup.application.port.in.prompt.ExchangeResultCodeUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step-up prompts for host applications: a host backend (API key) or the user's own client (session
 * token) asks for one and gets the hosted page's URL with a launch ticket; a host backend exchanges
 * a redirect prompt's result code for the outcome.
 */
@RestController
@Tag(name = "Prompts")
class PromptsController {

  private final CreatePromptUseCase create;
  private final ExchangeResultCodeUseCase exchange;
  private final PublicUrl publicUrl;

  PromptsController(
      CreatePromptUseCase create, ExchangeResultCodeUseCase exchange, PublicUrl publicUrl) {
    this.create = create;
    this.exchange = exchange;
    this.publicUrl = publicUrl;
  }

  record HostPromptRequest(
      @NotBlank @Size(max = 100) String userId,
      @NotBlank @Size(max = 100) String sessionId,
      @NotEmpty @Size(max = StepUpSettings.MAX_SCOPES)
          List<@NotBlank @Size(max = 64) String> scopes,
      @Size(max = 16) String mode,
      @Size(max = 500) String returnTo,
      @Size(max = 300) String origin) {}

  record UserPromptRequest(
      @NotEmpty @Size(max = StepUpSettings.MAX_SCOPES)
          List<@NotBlank @Size(max = 64) String> scopes,
      @Size(max = 16) String mode,
      @Size(max = 500) String returnTo,
      @Size(max = 300) String origin) {}

  record ExchangeRequest(@NotBlank @Size(max = 200) String code) {
    @Override
    public String toString() {
      return "ExchangeRequest";
    }
  }

  @Operation(
      operationId = "createPromptForUser",
      summary = "Create a step-up prompt for a user's session (host backend)",
      description =
          "Give `returnTo` (redirect mode: an address of the environment's redirect list) or"
              + " `origin` (popup mode: an origin of the environment's browser origins), not"
              + " both. `mode` is any (default), mfa or reauth.")
  @ApiResponse(
      responseCode = "201",
      description = "the hosted page's URL with a two-minute, single-use launch ticket",
      content = @Content(schema = @Schema(implementation = PromptResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "`redirect_uri_not_allowed`, `origin_not_allowed`, `unknown_scope` or"
              + " `validation_failed`",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "404",
      description = "`not_found`: no active session of that user",
      content = @Content(mediaType = "application/problem+json"))
  @SecurityRequirement(name = "apiKey")
  @PostMapping(ApiPaths.ENVIRONMENT + "/prompts")
  ResponseEntity<PromptResponse> createForUser(
      @PathVariable String environmentId,
      @Validated @RequestBody HostPromptRequest body,
      @Caller(ApiPermission.PROMPTS_WRITE) HostBackend caller,
      HttpServletRequest request) {
    CreatedPrompt created =
        create.create(
            new CreatePromptCommand(
                caller.environment(),
                new SessionId(body.sessionId()),
                Optional.of(new UserId(body.userId())),
                PromptRequests.scopes(body.scopes()),
                PromptRequests.mode(body.mode()),
                PromptRequests.target(body.returnTo(), body.origin()),
                caller.origin()));
    return created(caller.environment(), created, request);
  }

  @Operation(
      operationId = "createPrompt",
      summary = "Create a step-up prompt for the signed-in user (session token)",
      description = "As the host backend's, for the calling session.")
  @ApiResponse(
      responseCode = "201",
      description = "the hosted page's URL with a two-minute, single-use launch ticket",
      content = @Content(schema = @Schema(implementation = PromptResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "`redirect_uri_not_allowed`, `origin_not_allowed`, `unknown_scope` or"
              + " `validation_failed`",
      content = @Content(mediaType = "application/problem+json"))
  @SecurityRequirement(name = "sessionToken")
  @PostMapping(ApiPaths.ENVIRONMENT + "/step-up/prompts")
  ResponseEntity<PromptResponse> createForSession(
      @PathVariable String environmentId,
      @Validated @RequestBody UserPromptRequest body,
      @Caller SessionContext caller,
      HttpServletRequest request) {
    CreatedPrompt created =
        create.create(
            new CreatePromptCommand(
                caller.environmentId(),
                caller.sessionId(),
                Optional.empty(),
                PromptRequests.scopes(body.scopes()),
                PromptRequests.mode(body.mode()),
                PromptRequests.target(body.returnTo(), body.origin()),
                caller.origin()));
    return created(caller.environmentId(), created, request);
  }

  @Operation(
      operationId = "exchangePromptResultCode",
      summary = "Exchange a redirect prompt's result code for its outcome (once)",
      description =
          "The code comes back on `returnTo` as `code`, with `status`; it is good for 60"
              + " seconds, once, with an API key of the prompt's environment.")
  @ApiResponse(
      responseCode = "200",
      description = "the outcome; `tokens` holds the elevated token(s) on success",
      content = @Content(schema = @Schema(implementation = PromptResultResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description = "`invalid_result_code`: unknown, expired or already exchanged",
      content = @Content(mediaType = "application/problem+json"))
  @SecurityRequirement(name = "apiKey")
  @PostMapping(ApiPaths.ENVIRONMENT + "/prompts/exchange")
  PromptResultResponse exchange(
      @PathVariable String environmentId,
      @Validated @RequestBody ExchangeRequest body,
      @Caller(ApiPermission.PROMPTS_WRITE) HostBackend caller) {
    return PromptResultResponse.of(
        exchange.exchange(
            new ExchangeResultCodeUseCase.Command(
                caller.environment(), body.code(), caller.origin())));
  }

  private ResponseEntity<PromptResponse> created(
      EnvironmentId environment, CreatedPrompt created, HttpServletRequest request) {
    String url =
        publicUrl.of(request)
            + "/hosted/"
            + environment.value()
            + "/step-up/prompts/launch?ticket="
            + URLEncoder.encode(created.launchTicket(), StandardCharsets.UTF_8);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new PromptResponse(created.promptId().value(), url, created.ticketExpiresAt()));
  }
}
