package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads environments for the console's pages, which see only in-ports. */
public final class FindEnvironmentsService implements FindEnvironmentsUseCase {

  private final Environments environments;

  public FindEnvironmentsService(Environments environments) {
    this.environments = Objects.requireNonNull(environments, "environments");
  }

  @Override
  public List<Environment> all() {
    return environments.all();
  }

  @Override
  public Optional<Environment> find(EnvironmentId id) {
    return environments.find(id);
  }
}
