package dev.stepup.adapter.in.web.api.stepup;

import dev.stepup.adapter.in.web.PublicUrl;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.Callers;
import dev.stepup.adapter.in.web.api.error.ApiException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginCommand;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.StartSocialLinkCommand;
import dev.stepup.application.port.in.stepup.StartSocialLinkUseCase;
import dev.stepup.application.port.in.stepup.StartSocialStepUpCommand;
import dev.stepup.application.port.in.stepup.StartSocialStepUpUseCase;
import dev.stepup.domain.scope.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Social re-authentication: sends the browser to the environment's OpenID Connect provider and,
 * when it comes back to the callback, on to the allow-listed redirect URI with the outcome.
 */
@RestController
@Tag(name = "End user: step-up")
class SocialStepUpController {

  private static final String CALLBACK = "/step-up/social/{provider}/callback";

  private final StartSocialStepUpUseCase stepUp;
  private final StartSocialLinkUseCase link;
  private final FinishSocialLoginUseCase finish;
  private final PublicUrl publicUrl;

  SocialStepUpController(
      StartSocialStepUpUseCase stepUp,
      StartSocialLinkUseCase link,
      FinishSocialLoginUseCase finish,
      PublicUrl publicUrl) {
    this.stepUp = stepUp;
    this.link = link;
    this.finish = finish;
    this.publicUrl = publicUrl;
  }

  @Operation(
      summary = "Start step-up with a social provider",
      description =
          "Answers 302 to the provider (authorization code with PKCE, state and nonce). After the"
              + " login the browser lands on redirectUri (allow-listed for the environment) with"
              + " the outcome in the fragment: outcome=success with elevatedAccessToken, tokenId,"
              + " scopes, singleUse and expiresAt, or outcome=error with code and message. With"
              + " Accept: application/json it answers 200 {authorizationUrl} instead, for scripts"
              + " that navigate themselves.")
  @SecurityRequirement(name = "sessionToken")
  @ApiResponse(responseCode = "302", description = "To the provider's authorization page")
  @ApiResponse(
      responseCode = "200",
      description = "With Accept: application/json, where to navigate",
      content = @Content(schema = @Schema(implementation = AuthorizationResponse.class)))
  @GetMapping(ApiPaths.ENVIRONMENT + "/step-up/social/{provider}/authorize")
  ResponseEntity<?> authorize(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) List<String> requestedScopes,
      @RequestParam(required = false) String redirectUri,
      HttpServletRequest request,
      @Caller SessionContext context) {
    Set<Scope> scopes = Scope.parseAll(split(requestedScopes));
    return goTo(
        request,
        stepUp.start(
            new StartSocialStepUpCommand(
                context,
                provider,
                scopes,
                required(redirectUri),
                callbackUri(request, environmentId, provider))));
  }

  @Operation(
      summary = "Start a social login that proves the account to link",
      description =
          "Like the step-up login; the redirect URI then receives outcome=success and a loginId"
              + " to send to POST /credentials with format oauth and a credential:link token.")
  @SecurityRequirement(name = "sessionToken")
  @ApiResponse(responseCode = "302", description = "To the provider's authorization page")
  @ApiResponse(
      responseCode = "200",
      description = "With Accept: application/json, where to navigate",
      content = @Content(schema = @Schema(implementation = AuthorizationResponse.class)))
  @GetMapping(ApiPaths.ENVIRONMENT + "/credentials/oauth/{provider}/authorize")
  ResponseEntity<?> authorizeLink(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) String redirectUri,
      HttpServletRequest request,
      @Caller SessionContext context) {
    return goTo(
        request,
        link.start(
            new StartSocialLinkCommand(
                context,
                provider,
                required(redirectUri),
                callbackUri(request, environmentId, provider))));
  }

  @Operation(summary = "Where the provider sends the browser back (not called by clients)")
  @ApiResponse(
      responseCode = "302",
      description = "To the redirect URI, the outcome in its fragment")
  @GetMapping(ApiPaths.ENVIRONMENT + CALLBACK)
  ResponseEntity<Void> callback(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      HttpServletRequest request) {
    // The provider sends the browser here without the session token: the hashed, single-use
    // state alone names the login.
    return found(
        SocialOutcomeRedirect.of(
            finish.finish(
                new FinishSocialLoginCommand(
                    Callers.environment(environmentId),
                    provider,
                    new FinishSocialLoginUseCase.ProviderAnswer(state, code, error),
                    callbackUri(request, environmentId, provider),
                    Callers.origin(request),
                    Optional.empty()))));
  }

  private String callbackUri(HttpServletRequest request, String environmentId, String provider) {
    return publicUrl.of(request)
        + ApiPaths.ENVIRONMENT.replace("{environmentId}", environmentId)
        + CALLBACK.replace("{provider}", provider);
  }

  private static List<String> split(List<String> given) {
    if (given == null) {
      throw ApiException.invalid("requestedScopes: is required");
    }
    List<String> scopes =
        given.stream()
            .flatMap(s -> Arrays.stream(s.split("[ ,]+")))
            .filter(s -> !s.isEmpty())
            .toList();
    if (scopes.isEmpty() || scopes.size() > 6) {
      throw ApiException.invalid("requestedScopes: name 1 to 6 scopes");
    }
    return scopes;
  }

  private static String required(String redirectUri) {
    if (redirectUri == null || redirectUri.isBlank()) {
      throw ApiException.invalid("redirectUri: is required");
    }
    return redirectUri;
  }

  /** Where the browser goes next, for scripts that cannot read a cross-origin redirect. */
  record AuthorizationResponse(String authorizationUrl) {}

  /**
   * A 302 to the provider; a caller that asks for JSON (a script calling with the session token,
   * which cannot read a cross-origin redirect) gets the URL to navigate to instead.
   */
  private static ResponseEntity<?> goTo(HttpServletRequest request, URI location) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(new AuthorizationResponse(location.toString()));
    }
    return found(location);
  }

  private static ResponseEntity<Void> found(URI location) {
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, location.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
