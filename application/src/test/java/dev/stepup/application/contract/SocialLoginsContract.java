package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.user.UserId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link SocialLogins} promises: a login completes once and links once. */
public abstract class SocialLoginsContract extends PortContract {

  @Test
  void socialLoginsCompleteOnceAndLinkOnce() {
    SocialLogins logins = stores.socialLogins();
    SocialLogin login =
        SocialLogin.start(
            "sol_1",
            ENV,
            new UserId("usr_alice"),
            new SessionId("ses_1"),
            "google",
            SocialLogin.Purpose.STEP_UP,
            Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
            "https://app.example.com/cb",
            "nonce-1",
            "verifier-1",
            T0);
    logins.add(login, "digest-1");
    assertThat(logins.findByState("digest-1")).contains(login);
    assertThat(logins.findByState("digest-2")).isEmpty();
    assertThat(logins.markLinked("sol_1", T0)).as("no subject yet").isFalse();
    assertThat(logins.complete("sol_1", T0.plusSeconds(5))).isTrue();
    assertThat(logins.complete("sol_1", T0.plusSeconds(6))).isFalse();
    logins.identify("sol_1", "sub-1", Optional.of("a@example.com"));
    SocialLogin done = logins.find("sol_1").orElseThrow();
    assertThat(done.completedAt()).contains(T0.plusSeconds(5));
    assertThat(done.subject()).contains("sub-1");
    assertThat(done.email()).contains("a@example.com");
    assertThat(logins.markLinked("sol_1", T0.plusSeconds(7))).isTrue();
    assertThat(logins.markLinked("sol_1", T0.plusSeconds(8))).isFalse();
    logins.deleteStartedBefore(T0.plusSeconds(1));
    assertThat(logins.find("sol_1")).isEmpty();
    assertThat(logins.findByState("digest-1")).isEmpty();
  }

  @Test
  void onlyACompletedLoginIsIdentifiedAndOnlyOnce() {
    SocialLogins logins = stores.socialLogins();
    logins.add(
        SocialLogin.start(
            "sol_2",
            ENV,
            new UserId("usr_alice"),
            new SessionId("ses_1"),
            "google",
            SocialLogin.Purpose.LINK,
            Set.of(),
            "https://app.example.com/cb",
            "nonce-2",
            "verifier-2",
            T0),
        "digest-2");
    logins.identify("sol_2", "sub-early", Optional.empty());
    assertThat(logins.find("sol_2").orElseThrow().subject()).as("not completed yet").isEmpty();
    assertThat(logins.complete("sol_2", T0.plusSeconds(1))).isTrue();
    logins.identify("sol_2", "sub-1", Optional.of("a@example.com"));
    logins.identify("sol_2", "sub-2", Optional.empty());
    SocialLogin identified = logins.find("sol_2").orElseThrow();
    assertThat(identified.subject()).contains("sub-1");
    assertThat(identified.email()).contains("a@example.com");
    assertThat(logins.complete("sol_none", T0)).isFalse();
    assertThat(logins.markLinked("sol_none", T0)).isFalse();
  }
}
