package dev.stepup.adapter.in.web.api.error;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/** A failure the web layer itself detects (missing credentials, a field it cannot read). */
public final class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public ApiException(HttpStatus status, String code, String detail) {
    super(detail);
    this.status = Objects.requireNonNull(status, "status");
    this.code = Objects.requireNonNull(code, "code");
  }

  public static ApiException unauthenticated(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
  }

  public static ApiException invalid(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
