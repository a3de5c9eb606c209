package dev.stepup.adapter.in.web.api.error;

import dev.stepup.application.port.in.Refusal;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The problem {@code code}s the web layer answers by itself, besides the use cases' {@link
 * Refusal}s. Typed so that no handler can answer a code the API document does not list.
 */
public enum WebProblem {
  VALIDATION_FAILED("validation_failed"),
  UNAUTHENTICATED("unauthenticated"),
  INSUFFICIENT_PERMISSION("insufficient_permission"),
  NOT_FOUND("not_found"),
  UNKNOWN_SCOPE("unknown_scope"),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
  NOT_ACCEPTABLE("not_acceptable"),
  METHOD_NOT_ALLOWED("method_not_allowed"),
  INTERNAL_ERROR("internal_error"),
  INVALID_API_VERSION("invalid_api_version");

  private final String code;

  WebProblem(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Every code a problem of this API can carry, sorted: refusals and the web layer's own. */
  public static Set<String> allCodes() {
    Set<String> codes = new TreeSet<>();
    Arrays.stream(Refusal.values()).map(Refusal::code).forEach(codes::add);
    Arrays.stream(values()).map(WebProblem::code).forEach(codes::add);
    return codes;
  }
}
