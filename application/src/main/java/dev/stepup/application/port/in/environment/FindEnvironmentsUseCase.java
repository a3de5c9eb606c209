package dev.stepup.application.port.in.environment;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Optional;

/** Reads the environments (tenants) the server knows, for pages that show or pick one. */
public interface FindEnvironmentsUseCase {

  /** Every environment, ordered by id. */
  List<Environment> all();

  /** The environment with this id, if it exists. */
  Optional<Environment> find(EnvironmentId id);
}
