package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ScrapeAccessTest {

  private static final String TOKEN = "t".repeat(40);

  @Test
  void withATokenOnlyItsBearerMayScrapeOnAnyPort() {
    for (boolean separatePort : new boolean[] {false, true}) {
      ScrapeAccess access = new ScrapeAccess(TOKEN, separatePort);
      assertThat(access.allows(bearer(TOKEN))).isTrue();
      assertThat(access.allows(bearer(TOKEN + "x"))).isFalse();
      assertThat(access.allows(bearer("t".repeat(39)))).isFalse();
      assertThat(access.allows(new MockHttpServletRequest())).isFalse();
      MockHttpServletRequest basic = new MockHttpServletRequest();
      basic.addHeader("Authorization", "Basic " + TOKEN);
      assertThat(access.allows(basic)).isFalse();
    }
  }

  @Test
  void withoutATokenOnlyASeparateManagementPortServesTheScrape() {
    assertThat(new ScrapeAccess(null, false).allows(bearer(TOKEN))).isFalse();
    assertThat(new ScrapeAccess(null, true).allows(new MockHttpServletRequest())).isTrue();
  }

  @Test
  void aShortTokenIsRefusedAtStart() {
    assertThatThrownBy(() -> new MetricsProperties("short"))
        .hasMessageContaining("stepup.metrics.scrape-token must have at least 32 characters");
    assertThat(new MetricsProperties(" ").scrapeToken()).isNull();
    assertThat(new MetricsProperties(TOKEN).toString()).doesNotContain(TOKEN);
  }

  private static MockHttpServletRequest bearer(String token) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer " + token);
    return request;
  }
}
