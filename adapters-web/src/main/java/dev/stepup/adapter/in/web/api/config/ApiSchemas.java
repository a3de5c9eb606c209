package dev.stepup.adapter.in.web.api.config;

import dev.stepup.adapter.in.web.api.error.WebProblem;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The shared schemas of the API document: the problem+json body with every {@code code} the server
 * can answer, and the enums of scopes, credential formats and authentication methods, each built
 * from the enum the server itself uses. Properties that carry one of them point to it.
 */
final class ApiSchemas implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String SCOPE = "Scope";
  static final String CREDENTIAL_FORMAT = "CredentialFormat";
  static final String AUTHENTICATION_METHOD = "AuthenticationMethod";
  private static final String JACKSON_NODE = "JsonNode";

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    Components components = openApi.getComponents();
    components.addSchemas(PROBLEM, problem());
    components.addSchemas(SCOPE, scope());
    components.addSchemas(
        CREDENTIAL_FORMAT,
        enumOf(
            "What kind of thing a credential is.",
            Arrays.stream(CredentialFormat.values()).map(CredentialFormat::wire).toList()));
    List<String> amr = new ArrayList<>(new TreeSet<>(amrValues()));
    components.addSchemas(
        AUTHENTICATION_METHOD,
        enumOf("How the user verified (RFC 8176 `amr` values where they exist).", amr));
    // WebAuthn JSON passes through as it is: a free-form object, not Jackson's JsonNode class.
    components.getSchemas().remove(JACKSON_NODE);
    for (Map.Entry<String, Schema> entry : components.getSchemas().entrySet()) {
      if (!entry.getKey().equals(PROBLEM)) {
        pointPropertiesToEnums(entry.getValue());
      }
    }
    if (openApi.getPaths() != null) {
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations().stream()
                      .filter(op -> op.getParameters() != null)
                      .flatMap(op -> op.getParameters().stream())
                      .filter(p -> "requestedScopes".equals(p.getName()))
                      .forEach(p -> p.setSchema(new ArraySchema().items(ref(SCOPE)))));
    }
  }

  private static List<String> amrValues() {
    return Arrays.stream(VerificationMethod.values())
        .flatMap(m -> m.amr().stream())
        .distinct()
        .toList();
  }

  @SuppressWarnings("rawtypes")
  private static void pointPropertiesToEnums(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    for (Map.Entry<String, Schema> property : properties.entrySet()) {
      Schema current = property.getValue();
      if (property.getKey().equals("publicKey")
          || ("#/components/schemas/" + JACKSON_NODE).equals(current.get$ref())) {
        property.setValue(
            new ObjectSchema()
                .description("WebAuthn JSON (a PublicKeyCredential or its options), as is"));
        continue;
      }
      String target =
          switch (property.getKey()) {
            case "scope", "scopes", "requestedScopes" -> SCOPE;
            case "format" -> CREDENTIAL_FORMAT;
            case "amr" -> AUTHENTICATION_METHOD;
            default -> null;
          };
      if (target == null) {
        continue;
      }
      boolean array = current.getItems() != null || "array".equals(current.getType());
      Schema replacement = array ? new ArraySchema().items(ref(target)) : ref(target);
      replacement.setDescription(current.getDescription());
      property.setValue(replacement);
    }
  }

  private static Schema<Object> problem() {
    StringSchema code = new StringSchema();
    code.setEnum(new ArrayList<>(WebProblem.allCodes()));
    code.setDescription("Stable, machine-readable reason; clients react to it.");
    return new ObjectSchema()
        .description("An RFC 9457 problem (`application/problem+json`) with a stable `code`.")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().format("int32"))
        .addProperty("detail", new StringSchema().description("Words for the user."))
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty("code", code)
        .addProperty(
            "scope",
            new StringSchema().description("With `step_up_required`: the scope to step up for."))
        .required(List.of("type", "title", "status", "code"));
  }

  /**
   * Not a closed enum: an environment's admins add their own scopes next to the built-ins, so a
   * scope is any name of the pattern; one the environment does not know is refused with {@code
   * unknown_scope}. The built-ins are listed as examples.
   */
  private static Schema<String> scope() {
    StringSchema schema = new StringSchema();
    schema.setPattern(Scope.WIRE_PATTERN);
    schema.setMaxLength(32);
    schema.setDescription(
        "A protected action's scope, `namespace:action`. The built-in scopes are "
            + Scope.builtIns().stream()
                .map(s -> "`" + s.wire() + "`")
                .collect(java.util.stream.Collectors.joining(", "))
            + "; an environment's admins may add their own (e.g. `payments:send`) outside the"
            + " `wallet:` and `credential:` namespaces. A scope the environment does not know is"
            + " refused with `unknown_scope`.");
    return schema;
  }

  private static Schema<String> enumOf(String description, List<String> values) {
    StringSchema schema = new StringSchema();
    schema.setEnum(values);
    schema.setDescription(description);
    return schema;
  }

  static Schema<Object> ref(String name) {
    return new Schema<Object>().$ref("#/components/schemas/" + name);
  }
}
