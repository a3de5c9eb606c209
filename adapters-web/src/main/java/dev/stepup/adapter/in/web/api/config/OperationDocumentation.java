package dev.stepup.adapter.in.web.api.config;

import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.adapter.in.web.api.version.ApiVersionInterceptor;
import dev.stepup.domain.environment.ApiVersion;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Names each operation ({@link OperationIds}, unless its annotation names it) and documents what a
 * protected action reads and answers: the {@code X-Elevated-Access-Token} header and the RFC 9470
 * step-up challenge. Which actions are protected is read from the handler itself (its {@link
 * ElevatedAccessToken} parameter), so the document cannot drift from the code.
 */
final class OperationDocumentation implements OperationCustomizer {

  static final String ELEVATED_TOKEN_HEADER = "X-Elevated-Access-Token";

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    io.swagger.v3.oas.annotations.Operation annotated =
        handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
    if (annotated == null || annotated.operationId().isEmpty()) {
      operation.setOperationId(OperationIds.of(handler));
    }
    Optional<ElevatedAccessToken> token = elevatedToken(handler);
    if (token.isPresent() && !token.get().challenged()) {
      operation.addParametersItem(
          tokenHeader(
              "An elevated access token the client holds: the answer says whether it covers"
                  + " the scope."));
    } else if (token.isPresent()) {
      operation.addParametersItem(
          tokenHeader(
              "An elevated access token covering this action's scope. Without a valid one the"
                  + " action answers 401 with the step-up challenge."));
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      operation.getResponses().addApiResponse("401", stepUpChallenge());
    }
    operation.addParametersItem(apiVersionHeader());
    return operation;
  }

  private static HeaderParameter apiVersionHeader() {
    HeaderParameter header = new HeaderParameter();
    header
        .name(ApiVersionInterceptor.HEADER)
        .required(false)
        .description(
            "The API version the client was written for. Absent: the legacy API (action-based"
                + " MFA still works until the environment's minimum API version is 2026_04_01)."
                + " Any other value answers 400 invalid_api_version.");
    StringSchema schema = new StringSchema();
    schema.addEnumItem(ApiVersion.V2026_04_01.wire());
    header.schema(schema);
    return header;
  }

  private static Optional<ElevatedAccessToken> elevatedToken(HandlerMethod handler) {
    return Arrays.stream(handler.getMethodParameters())
        .map(p -> p.getParameterAnnotation(ElevatedAccessToken.class))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  private static HeaderParameter tokenHeader(String description) {
    HeaderParameter header = new HeaderParameter();
    header.name(ELEVATED_TOKEN_HEADER).required(false).description(description);
    header.schema(new StringSchema());
    return header;
  }

  private static ApiResponse stepUpChallenge() {
    return new ApiResponse()
        .description(
            "`step_up_required`: no valid elevated token for the action's scope was presented;"
                + " step up for `scope` and retry with the token. `token_consumed`,"
                + " `token_expired`, `token_revoked`, `invalid_token`: the presented token is spent"
                + " or not valid here. `unauthenticated`: the session token is missing or not"
                + " valid.")
        .addHeaderObject(
            "WWW-Authenticate",
            new Header()
                .description(
                    "RFC 9470 challenge, e.g. `Bearer error=\"insufficient_user_authentication\","
                        + " error_description=\"...\", scope=\"wallet:export\"`; `acr_values` is"
                        + " added when only some methods satisfy the scope. A session that is not"
                        + " valid is challenged with `Bearer error=\"invalid_token\"`.")
                .schema(new StringSchema()));
  }
}
