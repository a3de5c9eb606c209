package dev.stepup.adapter.in.web.api;

/** Where the versioned REST API lives. */
public final class ApiPaths {

  /** Every API resource belongs to one environment. */
  public static final String ENVIRONMENT = "/api/v1/environments/{environmentId}";

  /** The largest request body the API reads; larger ones are refused before parsing. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private ApiPaths() {}
}
