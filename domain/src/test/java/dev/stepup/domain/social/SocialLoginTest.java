package dev.stepup.domain.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocialLoginTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final SessionId SESSION = new SessionId("ses_1");

  private static SocialLogin login(SocialLogin.Purpose purpose, Set<Scope> scopes) {
    return SocialLogin.start(
        "sol_1",
        new EnvironmentId("demo"),
        new UserId("usr_1"),
        SESSION,
        "google",
        purpose,
        scopes,
        "https://app.example.com/done",
        "nonce",
        "verifier",
        T0);
  }

  @Test
  void pendingForTenMinutesThenExpired() {
    SocialLogin login = login(SocialLogin.Purpose.STEP_UP, Set.of(Scope.WALLET_EXPORT));
    assertThat(login.status(T0.plusSeconds(599))).isEqualTo(SocialLogin.Status.PENDING);
    assertThat(login.status(T0.plusSeconds(600))).isEqualTo(SocialLogin.Status.EXPIRED);
  }

  @Test
  void completedOnce() {
    SocialLogin login = login(SocialLogin.Purpose.LINK, Set.of());
    SocialLogin done =
        new SocialLogin(
            login.id(),
            login.environmentId(),
            login.userId(),
            login.sessionId(),
            login.provider(),
            login.purpose(),
            login.scopes(),
            login.redirectUri(),
            login.nonce(),
            login.codeVerifier(),
            login.startedAt(),
            Optional.of(T0.plusSeconds(5)),
            Optional.of("sub-1"),
            Optional.empty(),
            Optional.empty());
    assertThat(done.status(T0.plusSeconds(6))).isEqualTo(SocialLogin.Status.COMPLETED);
    assertThat(done.linkable(SESSION, T0.plusSeconds(6))).isTrue();
    assertThat(done.linkable(new SessionId("ses_other"), T0.plusSeconds(6))).isFalse();
    assertThat(done.linkable(SESSION, T0.plusSeconds(600))).isFalse();
    assertThat(login.linkable(SESSION, T0.plusSeconds(6))).as("not completed").isFalse();
  }

  @Test
  void stepUpNamesItsScopes() {
    assertThatThrownBy(() -> login(SocialLogin.Purpose.STEP_UP, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providersAreValidated() {
    EnvironmentId env = new EnvironmentId("demo");
    SocialProvider google =
        new SocialProvider(env, "google", null, URI.create("https://accounts.google.com"), "c");
    assertThat(google.displayName()).isEqualTo("Google");
    assertThatThrownBy(
            () -> new SocialProvider(env, "Google!", null, URI.create("https://a.test"), "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SocialProvider(env, "g", null, URI.create("http://idp.example.com"), "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SocialLogin.credentialIdentifier("google", "123")).isEqualTo("google:123");
  }
}
