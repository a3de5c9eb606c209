package dev.stepup.domain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserOriginsTest {

  private final BrowserOrigins allowed =
      BrowserOrigins.of(
          List.of("https://App.Example.com:443", "http://localhost:3000", "https://b.test/"));

  @Test
  void entriesAreNormalisedOrigins() {
    assertThat(allowed.entries())
        .containsExactly("https://app.example.com", "http://localhost:3000", "https://b.test");
  }

  @Test
  void permitsOnlyAListedOriginExactly() {
    assertThat(allowed.permits("https://app.example.com")).isTrue();
    assertThat(allowed.permits("https://APP.example.com:443")).isTrue();
    assertThat(allowed.permits("http://localhost:3000")).isTrue();
    assertThat(allowed.permits("http://localhost:3001")).isFalse();
    assertThat(allowed.permits("http://app.example.com")).isFalse();
    assertThat(allowed.permits("https://app.example.com:8443")).isFalse();
    assertThat(allowed.permits("https://evil.app.example.com")).isFalse();
    assertThat(allowed.permits("https://app.example.com.evil.test")).isFalse();
    assertThat(allowed.permits("null")).isFalse();
    assertThat(allowed.permits(null)).isFalse();
    assertThat(BrowserOrigins.none().permits("https://app.example.com")).isFalse();
  }

  @Test
  void refusesWhatIsNotAnOrigin() {
    for (String bad :
        List.of(
            "*",
            "https://*.example.com",
            "https://app.example.com/path",
            "https://app.example.com?x=1",
            "https://u:p@app.example.com",
            "http://app.example.com",
            "app.example.com",
            "null",
            "javascript:alert(1)")) {
      assertThatThrownBy(() -> BrowserOrigins.of(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not an allowed browser origin");
    }
  }

  @Test
  void atMostTwentyAndBlanksAndDuplicatesFolded() {
    assertThat(BrowserOrigins.of(List.of(" ", "https://a.test", "https://A.test")).entries())
        .containsExactly("https://a.test");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < BrowserOrigins.MAX_ENTRIES + 1; i++) {
      many.add("https://a" + i + ".test");
    }
    assertThatThrownBy(() -> BrowserOrigins.of(many)).hasMessageContaining("at most 20");
    assertThat(BrowserOrigins.of(many.subList(0, 20)).entries()).hasSize(20);
  }

  @Test
  void anEnvironmentListsNoOriginUntilTold() {
    Environment environment = Environment.create(new EnvironmentId("demo"), "Demo");
    assertThat(environment.browserOrigins().entries()).isEmpty();
    environment.allowBrowserOrigins(allowed);
    assertThat(environment.browserOrigins().permits("https://b.test")).isTrue();
  }
}
