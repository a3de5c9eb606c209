package dev.stepup.adapter.in.web.api.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.HostBackend;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.adapter.in.web.api.view.TokenResponse;
import dev.stepup.adapter.in.web.api.view.WireScopes;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.IntrospectElevatedTokenUseCase;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.token.RevokeElevatedTokenUseCase;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Host backends issue, introspect (and consume) and revoke elevated tokens. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/elevated-tokens")
@Tag(name = "Host backend: elevated tokens")
@SecurityRequirement(name = "apiKey")
class ElevatedTokensController {

  private static final int MAX_TOKEN = 4096;

  private final IssueElevatedTokenUseCase issue;
  private final IntrospectElevatedTokenUseCase introspect;
  private final RevokeElevatedTokenUseCase revoke;

  ElevatedTokensController(
      IssueElevatedTokenUseCase issue,
      IntrospectElevatedTokenUseCase introspect,
      RevokeElevatedTokenUseCase revoke) {
    this.issue = issue;
    this.introspect = introspect;
    this.revoke = revoke;
  }

  record IssueRequest(
      @NotBlank @Size(max = 100) String userId,
      @Size(max = 100) String sessionId,
      @NotEmpty @Size(max = StepUpSettings.MAX_SCOPES) List<@NotBlank String> scopes,
      @Valid OperationBody operation) {}

  record IntrospectRequest(
      @NotBlank @Size(max = MAX_TOKEN) String token,
      @Size(max = 64) String scope,
      Boolean consume,
      @Valid OperationBody operation) {
    @Override
    public String toString() {
      return "IntrospectRequest[scope=" + scope + "]";
    }
  }

  record RevokeRequest(@NotBlank @Size(max = MAX_TOKEN) String token) {
    @Override
    public String toString() {
      return "RevokeRequest";
    }
  }

  /**
   * RFC 7662 introspection: an inactive token is answered with {@code {"active": false}} and
   * nothing else; an active one with who, what, how ({@code amr}, {@code acr}) and when the user
   * authenticated ({@code auth_time}, seconds since the epoch as in a JWT).
   */
  @Schema(
      description =
          "Only `active` is present when the token is not active (expired, consumed, revoked,"
              + " unknown, of another environment, or not covering `scope`).")
  record IntrospectResponse(
      boolean active,
      Optional<String> sub,
      Optional<String> sid,
      Optional<List<String>> scopes,
      Optional<Boolean> singleUse,
      Optional<Instant> expiresAt,
      Optional<String> state,
      Optional<List<String>> amr,
      @Schema(example = "urn:stepup:acr:mfa") Optional<String> acr,
      @JsonProperty("auth_time") @Schema(description = "epoch seconds") Optional<Long> authTime,
      @Schema(description = "the operation the token is bound to (`maxAmount` is its cap)")
          Optional<OperationBody> operation,
      @Schema(description = "the scopes a use spends, each on its own (single use per scope)")
          Optional<List<String>> singleUseScopes,
      @Schema(
              description =
                  "the single-use scopes already spent; after a consuming call, including the one"
                      + " it spent")
          Optional<List<String>> spentScopes) {

    static IntrospectResponse of(Introspection result) {
      if (!result.active()) {
        return new IntrospectResponse(
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
      }
      return new IntrospectResponse(
          true,
          result.sub().map(UserId::value),
          result.sid().map(SessionId::value),
          Optional.of(WireScopes.of(result.scopes())),
          Optional.of(result.singleUse()),
          result.expiresAt(),
          result.state().map(TokenState::wire),
          Optional.of(result.amr()),
          result.acr(),
          result.authTime().map(Instant::getEpochSecond),
          result.operation().map(OperationBody::of),
          Optional.of(WireScopes.of(result.singleUseScopes())),
          Optional.of(WireScopes.of(result.spentScopes())));
    }
  }

  @Operation(summary = "Issue a token for a user the host backend has verified itself")
  @ApiResponse(
      responseCode = "201",
      description = "the elevated token",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `tokens:issue`",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping
  ResponseEntity<TokenResponse> issue(
      @PathVariable String environmentId,
      @Validated @RequestBody IssueRequest body,
      @Caller(ApiPermission.TOKENS_ISSUE) HostBackend caller) {
    var issued =
        issue.issue(
            new IssueElevatedTokenCommand(
                caller.environment(),
                new UserId(body.userId()),
                Optional.ofNullable(body.sessionId()).filter(s -> !s.isBlank()).map(SessionId::new),
                Scope.parseAll(body.scopes()),
                Optional.empty(),
                caller.origin(),
                OperationBody.binding(body.operation())));
    return ResponseEntity.status(HttpStatus.CREATED).body(TokenResponse.of(issued));
  }

  @Operation(
      summary = "Say whether a token is active; with consume, spend one single-use scope",
      description =
          "RFC 7662: an active token is described with `sub`, `sid`, `scopes`, `amr`, `acr`"
              + " (`urn:stepup:acr:mfa`, `urn:stepup:acr:reauth` or `urn:stepup:acr:host`) and"
              + " `auth_time`; a token that is expired, consumed, revoked or unknown is answered"
              + " with exactly `{\"active\": false}`. A token is single-use per scope: `scopes`"
              + " lists the scopes still usable (for a consuming call, also the one it spent),"
              + " `singleUseScopes` those a use spends and `spentScopes` those already spent. With"
              + " `consume` and `scope` only that scope is spent, the token's other scopes stay"
              + " usable; without `scope` the token's only single-use scope is spent, and a token"
              + " with several is refused with `scope_required`. With `operation` (what the host"
              + " is about to do: resource, SHA-256 digest it computed, amount), a token bound to"
              + " another operation is refused with 403 `operation_mismatch` and not spent; a"
              + " consuming call that names no operation cannot spend a bound token.")
  @ApiResponse(
      responseCode = "200",
      description = "whether the token is active, and if so what it covers",
      content = @Content(schema = @Schema(implementation = IntrospectResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "`scope_required`: `consume` without `scope` for a token with several single-use"
              + " scopes; `validation_failed` (the detail names the field), `unknown_scope`;"
              + " `invalid_api_version`: the Stepup-Api-Version header names no version this"
              + " server speaks",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description =
          "`insufficient_permission`: the API key lacks `tokens:introspect`;"
              + " `operation_mismatch`: the token is bound to another operation (not spent)",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping("/introspect")
  IntrospectResponse introspect(
      @PathVariable String environmentId,
      @Validated @RequestBody IntrospectRequest body,
      @Caller(ApiPermission.TOKENS_INTROSPECT) HostBackend caller) {
    Introspection result =
        introspect.introspect(
            new IntrospectCommand(
                caller.environment(),
                body.token(),
                Optional.ofNullable(body.scope()).map(Scope::parse),
                Boolean.TRUE.equals(body.consume()),
                caller.origin(),
                OperationBody.operation(body.operation())));
    return IntrospectResponse.of(result);
  }

  @Operation(summary = "Revoke a token (answers 200 for unknown tokens too, as RFC 7009 says)")
  @ApiResponse(responseCode = "200", description = "revoked, or unknown (an empty object)")
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `tokens:revoke`",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping("/revoke")
  Map<String, Object> revoke(
      @PathVariable String environmentId,
      @Validated @RequestBody RevokeRequest body,
      @Caller(ApiPermission.TOKENS_REVOKE) HostBackend caller) {
    revoke.revoke(
        new RevokeCommand(caller.environment(), body.token(), "api-key", caller.origin()));
    return Map.of();
  }
}
