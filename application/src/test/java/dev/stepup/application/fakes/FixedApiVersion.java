package dev.stepup.application.fakes;

import dev.stepup.application.port.out.version.RequestedApiVersion;
import dev.stepup.domain.environment.ApiVersion;

/** The API version "the request" named, as a test sets it. */
public final class FixedApiVersion implements RequestedApiVersion {
  private volatile ApiVersion current = ApiVersion.LEGACY;

  public void set(ApiVersion version) {
    this.current = version;
  }

  @Override
  public ApiVersion current() {
    return current;
  }
}
