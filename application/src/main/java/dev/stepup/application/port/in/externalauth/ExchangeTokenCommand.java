package dev.stepup.application.port.in.externalauth;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/**
 * An external provider's token to exchange for a session (RFC 8693).
 *
 * @param subjectTokenType must be {@link #JWT_TOKEN_TYPE}
 */
public record ExchangeTokenCommand(
    EnvironmentId environmentId,
    String subjectToken,
    String subjectTokenType,
    RequestOrigin origin) {

  /** RFC 8693 §3: the token type identifier of a JWT. */
  public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

  public ExchangeTokenCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    if (subjectToken == null || subjectToken.isBlank()) {
      throw new IllegalArgumentException("subject_token: required");
    }
    if (subjectToken.length() > 16_384) {
      throw new IllegalArgumentException("subject_token: at most 16384 characters");
    }
    if (subjectTokenType == null || subjectTokenType.isBlank()) {
      throw new IllegalArgumentException("subject_token_type: required");
    }
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return "ExchangeTokenCommand[environmentId=" + environmentId + "]";
  }
}
