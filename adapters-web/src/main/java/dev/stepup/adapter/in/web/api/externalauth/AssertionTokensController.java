package dev.stepup.adapter.in.web.api.externalauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Callers;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.adapter.in.web.api.view.TokenResponse;
import dev.stepup.application.port.in.externalauth.AuthenticateAssertionUseCase;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backend-issued elevated tokens by signed assertion: the host backend proves itself with a JWT
 * signed by its own registered key (RFC 7523) instead of an API key.
 */
@RestController
@Tag(name = "Bring your own auth")
class AssertionTokensController {

  static final String PATH = ApiPaths.ENVIRONMENT + "/elevated-tokens/assertion";
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final AuthenticateAssertionUseCase assertions;
  private final IssueElevatedTokenUseCase issue;
  private final String issuer;

  AssertionTokensController(
      AuthenticateAssertionUseCase assertions,
      IssueElevatedTokenUseCase issue,
      @Value("${stepup.issuer:http://localhost:8080}") String issuer) {
    this.assertions = assertions;
    this.issue = issue;
    this.issuer = issuer.replaceAll("/+$", "");
  }

  /** RFC 7523 §2.2's parameters, as JSON. */
  record AssertionRequest(
      @JsonProperty("client_assertion_type") @NotBlank @Size(max = 100) String assertionType,
      @JsonProperty("client_assertion") @NotBlank @Size(max = 16_384) String assertion,
      @Valid OperationBody operation) {
    @Override
    public String toString() {
      return "AssertionRequest[]";
    }
  }

  @Operation(
      summary = "Issue an elevated token, authenticated by the backend's signed assertion",
      description =
          "`client_assertion_type` is `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`;"
              + " `client_assertion` a JWT signed (RS/PS/ES 256-512) by a key registered in the"
              + " console for the backend client, with `iss` = `sub` = the client id, `aud` = this"
              + " endpoint's URL (`<issuer>/api/v1/environments/{environmentId}/elevated-tokens/"
              + "assertion`, or the URL the request was sent to), `exp` at most 5 minutes ahead,"
              + " a single-use `jti`, and the request: `user_id`, optional `session_id`, and"
              + " `scopes` (array; or `scope`, space-separated).")
  @ApiResponse(
      responseCode = "201",
      description = "the elevated token",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  @ApiResponse(
      responseCode = "401",
      description =
          "`invalid_client_assertion` (unknown client, bad signature, algorithm not allowed,"
              + " wrong `iss`/`sub`/`aud`, expired or too long-lived, no `jti`, no `user_id` or"
              + " `scopes`) or `assertion_replayed` (the `jti` was used before)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "429",
      description = ExternalAuthLimits.TOO_MANY_ATTEMPTS,
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(PATH)
  ResponseEntity<TokenResponse> issue(
      @PathVariable String environmentId,
      @Validated @RequestBody AssertionRequest body,
      HttpServletRequest request) {
    if (!JWT_BEARER.equals(body.assertionType())) {
      throw new IllegalArgumentException("client_assertion_type: " + JWT_BEARER);
    }
    EnvironmentId environment = new EnvironmentId(environmentId);
    var asserted =
        assertions.authenticate(
            new AuthenticateAssertionUseCase.Command(
                environment,
                body.assertion(),
                List.of(
                    issuer + "/api/v1/environments/" + environmentId + "/elevated-tokens/assertion",
                    request.getRequestURL().toString()),
                Callers.origin(request)));
    var issued =
        issue.issue(
            new IssueElevatedTokenCommand(
                environment,
                new UserId(asserted.userId()),
                asserted.sessionId().map(SessionId::new),
                Scope.parseAll(asserted.scopes()),
                java.util.Optional.empty(),
                Callers.origin(request),
                OperationBody.binding(body.operation())));
    return ResponseEntity.status(HttpStatus.CREATED).body(TokenResponse.of(issued));
  }
}
