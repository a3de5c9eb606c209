package dev.stepup.application.port.in.environment;

import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;

/** An environment's API keys, newest first, as admins see them. */
public interface ListApiKeysUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   */
  List<ApiKeySummary> apiKeys(EnvironmentId id);
}
