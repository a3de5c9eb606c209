package dev.stepup.domain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectAllowListTest {

  private final RedirectAllowList allowed =
      RedirectAllowList.of(
          List.of(
              "https://app.example.com/step-up/done",
              "https://Wallet.Example.com:443/",
              "http://localhost:3000"));

  @Test
  void exactUriEntriesMatchOnlyThatUri() {
    assertThat(allowed.permits("https://app.example.com/step-up/done")).isTrue();
    assertThat(allowed.permits("https://APP.example.com:443/step-up/done")).isTrue();
    assertThat(allowed.permits("https://app.example.com/step-up/done/../../evil")).isFalse();
    assertThat(allowed.permits("https://app.example.com/step-up/done?next=x")).isFalse();
    assertThat(allowed.permits("https://app.example.com/other")).isFalse();
    assertThat(allowed.permits("https://app.example.com")).isFalse();
  }

  @Test
  void originEntriesMatchAnyPathOnThatOrigin() {
    assertThat(allowed.entries()).contains("https://wallet.example.com", "http://localhost:3000");
    assertThat(allowed.permits("https://wallet.example.com/anything?x=1")).isTrue();
    assertThat(allowed.permits("http://localhost:3000/cb")).isTrue();
    assertThat(allowed.permits("http://localhost:3001/cb")).isFalse();
    assertThat(allowed.permits("http://wallet.example.com/cb")).isFalse();
    assertThat(allowed.permits("https://wallet.example.com.evil.test/cb")).isFalse();
  }

  @Test
  void tricksAreRefused() {
    assertThat(allowed.permits("https://evil.test@wallet.example.com/")).isFalse();
    assertThat(allowed.permits("https://wallet.example.com/#frag")).isFalse();
    assertThat(allowed.permits("//wallet.example.com/cb")).isFalse();
    assertThat(allowed.permits("javascript:alert(1)")).isFalse();
    assertThat(allowed.permits("/relative")).isFalse();
    assertThat(allowed.permits(null)).isFalse();
    assertThat(RedirectAllowList.none().permits("https://app.example.com/step-up/done")).isFalse();
  }

  @Test
  void entriesMustBeSecureAbsoluteUris() {
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("http://app.example.com/cb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://app.example.com/cb");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("/cb")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("https://u:p@app.example.com/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RedirectAllowList.of(List.of(" ", "https://a.test/x", "https://A.test/x")).entries())
        .containsExactly("https://a.test/x");
  }

  @Test
  void localPathsNameNoOtherHost() {
    assertThat(RedirectAllowList.isLocalPath("/hosted/demo/wallet?x=1")).isTrue();
    assertThat(RedirectAllowList.isLocalPath("//evil.test/x")).isFalse();
    assertThat(RedirectAllowList.isLocalPath("/\\evil.test")).isFalse();
    assertThat(RedirectAllowList.isLocalPath("https://evil.test/")).isFalse();
    assertThat(RedirectAllowList.isLocalPath("wallet")).isFalse();
    assertThat(RedirectAllowList.isLocalPath("/x\ny")).isFalse();
    assertThat(RedirectAllowList.isLocalPath(null)).isFalse();
  }

  @Test
  void anEnvironmentReturnsBrowsersToItsOwnPagesAndToWhatItAllows() {
    Environment environment = Environment.create(new EnvironmentId("demo"), "Demo");
    environment.allowRedirects(allowed);
    assertThat(environment.allowsReturnTo("/hosted/demo/wallet")).isTrue();
    assertThat(environment.allowsReturnTo("https://app.example.com/step-up/done")).isTrue();
    assertThat(environment.allowsReturnTo("https://evil.test/")).isFalse();
    assertThat(environment.allowsReturnTo("//evil.test/")).isFalse();
  }
}
