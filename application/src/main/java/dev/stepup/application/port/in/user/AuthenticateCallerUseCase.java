package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import java.util.Optional;

/** Recognises callers by their bearer secrets: end users by session token, backends by API key. */
public interface AuthenticateCallerUseCase {

  /** The active session of this environment the token belongs to (hosted-page cookies). */
  Optional<Session> session(EnvironmentId environmentId, String sessionToken);

  /**
   * The active session of this environment the bearer token belongs to; a refused token (unknown,
   * ended, of another environment) is audited, at most once a minute per environment, client and
   * reason.
   */
  Optional<Session> session(EnvironmentId environmentId, String sessionToken, RequestOrigin origin);

  /**
   * Whether the key is a usable (active, unexpired) API key of this environment; records its use.
   */
  boolean apiKey(EnvironmentId environmentId, String apiKey);

  /**
   * Whether the key is a usable API key of this environment holding {@code needed}; records its
   * use. Refusals are audited, at most once a minute per environment, client and reason, never with
   * the presented secret.
   */
  ApiKeyAccess apiKey(
      EnvironmentId environmentId, String apiKey, ApiPermission needed, RequestOrigin origin);
}
