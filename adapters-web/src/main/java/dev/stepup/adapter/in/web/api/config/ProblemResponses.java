package dev.stepup.adapter.in.web.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the error statuses each operation answers, each with the {@link ApiSchemas#PROBLEM}
 * body: those every environment endpoint can answer, those of the caller's kind (an API key's
 * missing permission, an end user's refused or throttled verification), and those of a few areas
 * (conflicts when linking credentials, an unreachable social provider). Descriptions already
 * written beside a controller are kept.
 */
final class ProblemResponses implements OpenApiCustomizer {

  private static final String PROBLEM_JSON = "application/problem+json";

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().forEach(this::document);
  }

  private void document(String path, PathItem item) {
    if (!path.startsWith("/api/")) {
      return;
    }
    for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
      Operation operation = entry.getValue();
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      ApiResponses responses = operation.getResponses();
      add(
          responses,
          "400",
          "`validation_failed` (the detail names the field), `unknown_scope`, or a refused"
              + " verification (`invalid_code`, `code_expired`, …); `invalid_api_version`: the"
              + " Stepup-Api-Version header names no version this server speaks");
      add(
          responses,
          "401",
          "`unauthenticated`: the bearer credential is missing, unknown, expired or of another"
              + " environment");
      add(responses, "404", "`not_found`: no such environment or resource");
      if (callerIs(operation, "apiKey")) {
        add(responses, "403", "`insufficient_permission`: the API key lacks a permission");
      } else {
        add(
            responses,
            "403",
            "`mfa_required`, `method_disabled`, `no_eligible_credential`,"
                + " `credential_not_eligible`, `embedded_wallet_not_supported`,"
                + " `account_not_linked`: this user cannot do this here");
      }
      if (path.contains("/step-up/") || path.contains("/mfa/") || path.contains("/credentials")) {
        add(
            responses,
            "429",
            "`too_many_attempts`: too many failures or codes; `Retry-After` says when to retry");
      }
      if (path.contains("/mfa/") || path.contains("/credentials")) {
        add(
            responses,
            "409",
            "`credential_in_use`, `last_credential`, `already_confirmed`: the account's state"
                + " does not allow it");
      }
      if (path.endsWith("/mfa/required-for-action")
          || path.endsWith("/totp/verify")
          || path.endsWith("/recovery-code/verify")
          || path.endsWith("/passkey/verify")
          || path.contains("/wallets/")) {
        add(
            responses,
            "410",
            "`legacy_api_retired`: action-based MFA (the legacy check, `createMfaToken`, a legacy"
                + " MFA token) is retired here: the environment's minimum API version is"
                + " 2026_04_01; use scoped step-up");
      }
      if (path.contains("/social/") || path.contains("/oauth/")) {
        add(responses, "502", "`provider_unavailable`: the identity provider cannot be reached");
      }
      add(
          responses,
          "500",
          "`internal_error`: the server could not complete the request; nothing was changed");
      add(
          responses,
          "default",
          "`method_not_allowed`, `not_acceptable`, `unsupported_media_type` and any other problem");
      responses.forEach(ProblemResponses::problemBody);
    }
  }

  private static boolean callerIs(Operation operation, String scheme) {
    return operation.getSecurity() != null
        && operation.getSecurity().stream().anyMatch(r -> r.containsKey(scheme));
  }

  private static void add(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(status, new ApiResponse().description(description));
    }
  }

  /** Every error answer is a problem, whatever a controller's annotation said about its body. */
  private static void problemBody(String status, ApiResponse response) {
    boolean error = status.equals("default") || status.startsWith("4") || status.startsWith("5");
    if (!error) {
      return;
    }
    response.setContent(
        new Content()
            .addMediaType(
                PROBLEM_JSON, new MediaType().schema(ApiSchemas.ref(ApiSchemas.PROBLEM))));
    if (status.equals("429")) {
      response.addHeaderObject(
          "Retry-After", new Header().description("seconds to wait").schema(new StringSchema()));
    }
    if (status.equals("401")
        && (response.getHeaders() == null
            || !response.getHeaders().containsKey("WWW-Authenticate"))) {
      response.addHeaderObject(
          "WWW-Authenticate",
          new Header()
              .description("`Bearer realm=\"stepup\"` or `Bearer error=\"invalid_token\"`")
              .schema(new StringSchema()));
    }
  }
}
