package dev.stepup.adapter.in.web.api.caller;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/** A host backend whose API key holds the permission the endpoint needs in this environment. */
public record HostBackend(EnvironmentId environment, RequestOrigin origin) {
  public HostBackend {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(origin, "origin");
  }
}
