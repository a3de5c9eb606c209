package dev.stepup.application.port.out.environment;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Optional;

/** The environments (tenants) the server knows. */
public interface Environments {

  Optional<Environment> find(EnvironmentId id);

  /** Every environment, ordered by id. */
  List<Environment> all();

  /** Inserts a new environment or updates its name and step-up settings. */
  void save(Environment environment);
}
