package dev.stepup.adapter.in.web.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generated OpenAPI document's title and the two bearer credentials the API accepts. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

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
                                + " tokens:revoke, prompts:write) and may expire; a key without the"
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
