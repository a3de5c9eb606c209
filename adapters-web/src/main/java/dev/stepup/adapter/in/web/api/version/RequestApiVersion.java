package dev.stepup.adapter.in.web.api.version;

import dev.stepup.application.port.out.version.RequestedApiVersion;
import dev.stepup.domain.version.ApiVersion;
import dev.stepup.domain.version.UnsupportedApiVersionException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API version of the HTTP request being served on this thread; legacy outside a request (a
 * hosted page or a job names none).
 */
@Component
public class RequestApiVersion implements RequestedApiVersion {

  @Override
  public ApiVersion current() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      try {
        return ApiVersionInterceptor.of(request.getRequest());
      } catch (UnsupportedApiVersionException notAnApiRequest) {
        return ApiVersion.LEGACY;
      }
    }
    return ApiVersion.LEGACY;
  }
}
