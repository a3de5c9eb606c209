package dev.stepup.application.port.in.user;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import java.util.Optional;

/** Recognises callers by their bearer secrets: end users by session token, backends by API key. */
public interface AuthenticateCallerUseCase {

  /** The active session of this environment the token belongs to. */
  Optional<Session> session(EnvironmentId environmentId, String sessionToken);

  /** Whether the key is an active API key of this environment; records its use. */
  boolean apiKey(EnvironmentId environmentId, String apiKey);
}
