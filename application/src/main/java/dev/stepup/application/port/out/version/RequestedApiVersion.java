package dev.stepup.application.port.out.version;

import dev.stepup.domain.environment.ApiVersion;

/** The API version the request being served named ({@link ApiVersion#LEGACY} when none). */
public interface RequestedApiVersion {

  ApiVersion current();
}
