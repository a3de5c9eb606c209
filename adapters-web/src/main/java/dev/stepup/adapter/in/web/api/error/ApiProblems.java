package dev.stepup.adapter.in.web.api.error;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.environment.UnsupportedApiVersionException;
import dev.stepup.domain.scope.UnknownScopeException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 problem with a stable {@code code}. Details are written for
 * the caller: they name the field or the reason, never a class, a stack trace or a secret.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems {

  private static final Logger LOG = Logger.getLogger(ApiProblems.class.getName());
  private static final String STEP_UP_CHALLENGE = "insufficient_user_authentication";

  @ExceptionHandler(RefusedException.class)
  ResponseEntity<ProblemDetail> refused(RefusedException e) {
    Refusal refusal = e.refusal();
    HttpStatus status = statusOf(refusal);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    e.retryAfter()
        .ifPresent(
            wait ->
                response.header(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    if (status == HttpStatus.UNAUTHORIZED) {
      response.header(
          HttpHeaders.WWW_AUTHENTICATE,
          challenge(e.scope(), ProblemWords.detail(e), e.acrValues()));
    }
    ProblemDetail problem = problem(status, refusal.code(), ProblemWords.detail(e));
    e.scope().ifPresent(scope -> problem.setProperty("scope", scope));
    return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stepup\"");
    }
    return response
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(e.status(), e.code(), e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return respond(HttpStatus.NOT_FOUND, WebProblem.NOT_FOUND, "no such " + e.kind());
  }

  @ExceptionHandler(UnknownScopeException.class)
  ResponseEntity<ProblemDetail> unknownScope(UnknownScopeException e) {
    return respond(HttpStatus.BAD_REQUEST, WebProblem.UNKNOWN_SCOPE, e.getMessage());
  }

  @ExceptionHandler(UnsupportedApiVersionException.class)
  ResponseEntity<ProblemDetail> unsupportedApiVersion(UnsupportedApiVersionException e) {
    return respond(
        HttpStatus.BAD_REQUEST,
        WebProblem.INVALID_API_VERSION,
        "Stepup-Api-Version: " + e.getMessage() + " (or send no header for the legacy API)");
  }

  /** Commands and value objects reject bad input with a message naming the field. */
  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException e) {
    return respond(HttpStatus.BAD_REQUEST, WebProblem.VALIDATION_FAILED, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
    String detail =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + ": " + f.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return respond(
        HttpStatus.BAD_REQUEST,
        WebProblem.VALIDATION_FAILED,
        detail.isEmpty() ? "the request body is not valid" : detail);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (causedBy(e, BodyTooLargeException.class)) {
      return respond(
          HttpStatus.BAD_REQUEST, WebProblem.VALIDATION_FAILED, BodyTooLargeException.DETAIL);
    }
    JacksonException json = cause(e, JacksonException.class);
    if (json == null) {
      return respond(
          HttpStatus.BAD_REQUEST, WebProblem.VALIDATION_FAILED, "the request needs a JSON body");
    }
    String field =
        json.getPath().stream()
            .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    String detail =
        field.isEmpty()
            ? "the request body is not valid JSON"
            : field + ": has the wrong type or shape";
    return respond(HttpStatus.BAD_REQUEST, WebProblem.VALIDATION_FAILED, detail);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
    return respond(
        HttpStatus.BAD_REQUEST,
        WebProblem.VALIDATION_FAILED,
        e.getHeaderName() + ": header is required");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return respond(
        HttpStatus.BAD_REQUEST,
        WebProblem.VALIDATION_FAILED,
        e.getParameterName() + ": is required");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return respond(
        HttpStatus.BAD_REQUEST, WebProblem.VALIDATION_FAILED, e.getName() + ": is not valid");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        WebProblem.UNSUPPORTED_MEDIA_TYPE,
        "send the body as application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(HttpStatus.NOT_ACCEPTABLE, WebProblem.NOT_ACCEPTABLE, "this API answers JSON");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(
        HttpStatus.METHOD_NOT_ALLOWED,
        WebProblem.METHOD_NOT_ALLOWED,
        e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return respond(HttpStatus.NOT_FOUND, WebProblem.NOT_FOUND, "no such resource");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // Logged by type only: messages of unexpected failures may carry request data.
    LOG.log(Level.SEVERE, "unexpected failure: " + e.getClass().getName(), e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        WebProblem.INTERNAL_ERROR,
        "the server could not complete the request; nothing was changed");
  }

  static HttpStatus statusOf(Refusal refusal) {
    return switch (refusal) {
      case INVALID_CODE,
          INVALID_SIGNATURE,
          PASSKEY_REJECTED,
          PASSKEY_COUNTER_REGRESSED,
          CODE_EXPIRED,
          NO_PENDING_CODE,
          UNKNOWN_CHALLENGE,
          REDIRECT_URI_NOT_ALLOWED,
          SOCIAL_LOGIN_FAILED,
          SOCIAL_LOGIN_CANCELLED,
          ORIGIN_NOT_ALLOWED,
          INVALID_RESULT_CODE,
          EXTERNAL_IDP_NOT_CONFIGURED,
          UNSUPPORTED_TOKEN_TYPE,
          INVALID_SUBJECT_TOKEN,
          SUBJECT_TOKEN_EXPIRED,
          WRONG_ISSUER,
          WRONG_AUDIENCE ->
          HttpStatus.BAD_REQUEST;
      case INVALID_CLIENT_ASSERTION, ASSERTION_REPLAYED -> HttpStatus.UNAUTHORIZED;
      case TOO_MANY_ATTEMPTS, RESEND_THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
      case MFA_REQUIRED,
          NO_ELIGIBLE_CREDENTIAL,
          METHOD_DISABLED,
          EMBEDDED_WALLET_NOT_SUPPORTED,
          CREDENTIAL_NOT_ELIGIBLE,
          ACCOUNT_NOT_LINKED ->
          HttpStatus.FORBIDDEN;
      case STEP_UP_REQUIRED, TOKEN_CONSUMED, TOKEN_EXPIRED, TOKEN_REVOKED, INVALID_TOKEN ->
          HttpStatus.UNAUTHORIZED;
      case CREDENTIAL_IN_USE, LAST_CREDENTIAL, ALREADY_CONFIRMED -> HttpStatus.CONFLICT;
      case PROVIDER_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
      case LEGACY_API_RETIRED -> HttpStatus.GONE;
      case OPERATION_MISMATCH -> HttpStatus.FORBIDDEN;
      case SCOPE_REQUIRED -> HttpStatus.BAD_REQUEST;
    };
  }

  /**
   * The challenge of a 401. With a scope it is RFC 9470's: the caller must step up for this scope,
   * at one of {@code acrValues}, and retry. Without one the session itself is not (or no longer)
   * valid: RFC 6750's {@code invalid_token}.
   */
  static String challenge(Optional<String> scope, String description, List<String> acrValues) {
    StringBuilder header = new StringBuilder("Bearer error=\"");
    header.append(scope.isPresent() ? STEP_UP_CHALLENGE : "invalid_token").append('"');
    if (description != null && !description.isBlank()) {
      header.append(", error_description=\"").append(quotable(description)).append('"');
    }
    scope.ifPresent(s -> header.append(", scope=\"").append(quotable(s)).append('"'));
    if (scope.isPresent() && !acrValues.isEmpty()) {
      header.append(", acr_values=\"").append(quotable(String.join(" ", acrValues))).append('"');
    }
    return header.toString();
  }

  /** RFC 6750 §3: attribute values are printable ASCII without {@code "} or {@code \\}. */
  private static String quotable(String text) {
    return text.replaceAll("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]", "");
  }

  static ResponseEntity<ProblemDetail> respond(
      HttpStatus status, WebProblem problem, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status, problem.code(), detail));
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://stepup.dev/problems/" + code.replace('_', '-')));
    problem.setTitle(title(code));
    problem.setProperty("code", code);
    return problem;
  }

  private static String title(String code) {
    String words = code.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    return cause(e, type) != null;
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
