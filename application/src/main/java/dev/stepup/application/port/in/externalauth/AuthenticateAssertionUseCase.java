package dev.stepup.application.port.in.externalauth;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host backend authenticates with a JWT signed by its own key (RFC 7523 client assertion) instead
 * of an API key; the assertion carries the request (user, session, scopes) and is accepted once.
 */
public interface AuthenticateAssertionUseCase {

  /** The request the registered client signed, its {@code jti} now spent. */
  Asserted authenticate(Command command);

  /**
   * @param audiences the {@code aud} values that name this endpoint
   */
  record Command(
      EnvironmentId environmentId, String assertion, List<String> audiences, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      if (assertion == null || assertion.isBlank() || assertion.length() > 16_384) {
        throw new IllegalArgumentException("assertion: required, at most 16384 characters");
      }
      audiences = List.copyOf(audiences);
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "Command[environmentId=" + environmentId + "]";
    }
  }

  /** What the backend asks for. */
  record Asserted(
      String clientId, String userId, Optional<String> sessionId, List<String> scopes) {}
}
