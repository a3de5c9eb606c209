package dev.stepup.example.hostapp;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the step-up server is and who this app is to it. Read from system properties ({@code
 * -Dstepup.api-key=…}) or environment variables ({@code STEPUP_API_KEY=…}); the API key has no
 * default.
 *
 * @param stepUpUrl the step-up server's base URL, as the browser and this backend reach it
 * @param issuer the elevated tokens' {@code iss} (the server's {@code stepup.issuer})
 * @param environment the environment id
 * @param apiKey an API key of the environment (never logged)
 * @param port this app's port (0: any free port)
 * @param sdkUrl where the page imports the browser SDK from
 */
public record HostAppConfig(
    String stepUpUrl, String issuer, String environment, String apiKey, int port, String sdkUrl) {

  public HostAppConfig {
    stepUpUrl = Objects.requireNonNull(stepUpUrl, "stepUpUrl").replaceAll("/+$", "");
    issuer = issuer == null || issuer.isBlank() ? stepUpUrl : issuer;
    Objects.requireNonNull(environment, "environment");
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "STEPUP_API_KEY is required: an API key of the environment (the demo key the step-up"
              + " server printed on its first start, or one created in the console)");
    }
    sdkUrl = sdkUrl == null || sdkUrl.isBlank() ? stepUpUrl + "/sdk/v1/stepup.js" : sdkUrl;
  }

  /** Reads {@code -Dstepup.x} first, then {@code STEPUP_X}. */
  public static HostAppConfig fromEnvironment() {
    UnaryOperator<String> read =
        name -> {
          String property = System.getProperty("stepup." + name);
          return property != null
              ? property
              : System.getenv("STEPUP_" + name.toUpperCase().replace('-', '_'));
        };
    String url = or(read.apply("url"), "http://localhost:8080");
    String port = or(System.getProperty("host-app.port"), System.getenv("HOST_APP_PORT"));
    return new HostAppConfig(
        url,
        read.apply("issuer"),
        or(read.apply("environment"), "demo"),
        read.apply("api-key"),
        Integer.parseInt(or(port, "8081")),
        read.apply("sdk-url"));
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    return "HostAppConfig[stepUpUrl="
        + stepUpUrl
        + ", environment="
        + environment
        + ", port="
        + port
        + "]";
  }
}
