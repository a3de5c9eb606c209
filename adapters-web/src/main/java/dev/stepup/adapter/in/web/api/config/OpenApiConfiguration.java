package dev.stepup.adapter.in.web.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated OpenAPI document: its title, the two bearer credentials the API accepts, and the
 * customizers that complete what the controllers' annotations say.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  /** Operation ids, the elevated-token header and the step-up challenge of protected actions. */
  @Bean
  OperationCustomizer stepUpOperations() {
    return new OperationDocumentation();
  }

  /** Problem, scope, format and method schemas. */
  @Bean
  OpenApiCustomizer stepUpSchemas() {
    return new ApiSchemas();
  }

  /** The error statuses of every operation, answered as problems. */
  @Bean
  OpenApiCustomizer stepUpProblemResponses() {
    return new ProblemResponses();
  }

  @Bean
  OpenAPI stepUpOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Step-up authentication API")
                .version("v1")
                .description(
                    "Check whether a user must step up, verify them, and receive a short-lived"
                        + " elevated access token bound to the scopes asked for. Errors are"
                        + " application/problem+json with a stable 'code'."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "An environment API key (host backends). Each key holds"
                                + " permissions (users:read, users:write, sessions:read,"
                                + " sessions:write, tokens:issue, tokens:introspect,"
                                + " tokens:revoke, prompts:write, audit:read, webhooks:read) and may expire; a key without the"
                                + " permission an endpoint needs answers 403"
                                + " insufficient_permission, an unknown, revoked or expired"
                                + " key 401 unauthenticated."))
                .addSecuritySchemes(
                    "sessionToken",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A session token (end users)")));
  }
}
