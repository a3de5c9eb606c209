package dev.stepup.adapter.in.web.api.error;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/** A failure the web layer itself detects (missing credentials, a field it cannot read). */
public final class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final WebProblem problem;

  public ApiException(HttpStatus status, WebProblem problem, String detail) {
    super(detail);
    this.status = Objects.requireNonNull(status, "status");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public static ApiException unauthenticated(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, WebProblem.UNAUTHENTICATED, detail);
  }

  public static ApiException invalid(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, WebProblem.VALIDATION_FAILED, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return problem.code();
  }
}
