package dev.stepup.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code stepup.metrics.*}: {@code scrape-token} is the bearer token a metrics
 * scraper presents to {@code /actuator/prometheus} (e.g. {@code STEPUP_METRICS_SCRAPE_TOKEN}); at
 * least {@value #MIN_TOKEN_LENGTH} characters. Without one, the endpoint answers only on a separate
 * management port ({@code management.server.port}).
 */
@ConfigurationProperties("stepup.metrics")
public record MetricsProperties(String scrapeToken) {

  static final int MIN_TOKEN_LENGTH = 32;

  public MetricsProperties {
    if (scrapeToken != null && scrapeToken.isBlank()) {
      scrapeToken = null;
    }
    if (scrapeToken != null && scrapeToken.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "stepup.metrics.scrape-token must have at least "
              + MIN_TOKEN_LENGTH
              + " characters (a random value, e.g. openssl rand -hex 32)");
    }
  }

  @Override
  public String toString() {
    return "MetricsProperties[scrapeToken=" + (scrapeToken == null ? "none" : "***") + "]";
  }
}
