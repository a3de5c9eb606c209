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
  }
}
