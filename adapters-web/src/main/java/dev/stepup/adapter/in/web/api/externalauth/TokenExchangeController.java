package dev.stepup.adapter.in.web.api.externalauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Callers;
import dev.stepup.adapter.in.web.api.cors.BrowserCallable;
import dev.stepup.application.port.in.externalauth.ExchangeTokenCommand;
import dev.stepup.application.port.in.externalauth.ExchangeTokenUseCase;
import dev.stepup.application.port.in.externalauth.ExchangedSession;
import dev.stepup.domain.environment.EnvironmentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bring your own auth: the environment's trusted identity provider's JWT is exchanged for a session
 * (RFC 8693). The JWT itself authenticates the call; no API key is needed. A host backend or the
 * host's page (the browser SDK's {@code exchangeToken}, from an origin the environment lists) may
 * call it.
 */
@RestController
@Tag(name = "Bring your own auth")
class TokenExchangeController {

  private final ExchangeTokenUseCase exchange;

  TokenExchangeController(ExchangeTokenUseCase exchange) {
    this.exchange = exchange;
  }

  /** RFC 8693 §2.1's parameters, as JSON. */
  record TokenExchangeRequest(
      @JsonProperty("grant_type") @Size(max = 100) String grantType,
      @JsonProperty("subject_token") @NotBlank @Size(max = 16_384) String subjectToken,
      @JsonProperty("subject_token_type") @NotBlank @Size(max = 100) String subjectTokenType) {
    @Override
    public String toString() {
      return "TokenExchangeRequest[subject_token_type=" + subjectTokenType + "]";
    }
  }

  /** The session, as {@code POST /users/{userId}/sessions} answers, with whose it is. */
  record ExchangedSessionResponse(
      String sessionId,
      String sessionToken,
      Instant expiresAt,
      String userId,
      boolean userCreated) {
    @Override
    public String toString() {
      return "ExchangedSessionResponse[sessionId=" + sessionId + ", userId=" + userId + "]";
    }
  }

  @Operation(
      summary = "Exchange the trusted identity provider's JWT for a session",
      description =
          "RFC 8693-style token exchange. `subject_token_type` must be"
              + " `urn:ietf:params:oauth:token-type:jwt`; `grant_type`, if sent, must be"
              + " `urn:ietf:params:oauth:grant-type:token-exchange`. The JWT must be signed"
              + " (RS/PS/ES 256-512; never `none` or HMAC) by a key of the JWKS URL the console"
              + " sets for this environment, carry that `iss` and `aud`, and be within `exp`/`nbf`"
              + " (60 s of clock skew). The first exchange for an (`iss`, `sub`) creates the user,"
              + " with `email` / `phone_number` only when `email_verified` /"
              + " `phone_number_verified` are true and no other user has them; later exchanges"
              + " sign the same user in.")
  @ApiResponse(
      responseCode = "201",
      description = "the session and its bearer token",
      content = @Content(schema = @Schema(implementation = ExchangedSessionResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "`invalid_subject_token` (not a signed JWT, algorithm not allowed, unknown key, bad"
              + " signature, no `exp`, `nbf` ahead, bad `sub`), `subject_token_expired`,"
              + " `wrong_issuer`, `wrong_audience`, `unsupported_token_type`,"
              + " `external_idp_not_configured`, `validation_failed`",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "429",
      description = ExternalAuthLimits.TOO_MANY_ATTEMPTS,
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "502",
      description = "`provider_unavailable`: the provider's JWKS could not be fetched",
      content = @Content(mediaType = "application/problem+json"))
  @BrowserCallable
  @PostMapping(ApiPaths.ENVIRONMENT + "/sessions/token-exchange")
  ResponseEntity<ExchangedSessionResponse> exchange(
      @PathVariable String environmentId,
      @Validated @RequestBody TokenExchangeRequest body,
      HttpServletRequest request) {
    if (body.grantType() != null
        && !body.grantType().isBlank()
        && !"urn:ietf:params:oauth:grant-type:token-exchange".equals(body.grantType())) {
      throw new IllegalArgumentException(
          "grant_type: urn:ietf:params:oauth:grant-type:token-exchange");
    }
    ExchangedSession exchanged =
        exchange.exchange(
            new ExchangeTokenCommand(
                new EnvironmentId(environmentId),
                body.subjectToken(),
                body.subjectTokenType(),
                Callers.origin(request)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new ExchangedSessionResponse(
                exchanged.session().sessionId().value(),
                exchanged.session().sessionToken(),
                exchanged.session().expiresAt(),
                exchanged.userId().value(),
                exchanged.userCreated()));
  }
}
