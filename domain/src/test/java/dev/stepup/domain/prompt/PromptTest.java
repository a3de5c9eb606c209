package dev.stepup.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.RedirectAllowList;
import dev.stepup.domain.policy.StepUpDecision.Path;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final EnvironmentId ENV = new EnvironmentId("demo");

  private static Prompt prompt(PromptMode mode, PromptTarget target) {
    return Prompt.create(
        new PromptId("prm_1"),
        ENV,
        new UserId("usr_alice"),
        new SessionId("ses_1"),
        Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
        mode,
        target,
        "ticket-digest",
        T0);
  }

  private static Prompt redirect() {
    return prompt(PromptMode.ANY, new PromptTarget.Redirect("https://app.example.com/done"));
  }

  @Test
  void aLaunchTicketOpensThePageOnceWithinTwoMinutes() {
    Prompt prompt = redirect();
    assertThat(prompt.isOpen(T0)).as("not opened yet").isFalse();
    assertThat(prompt.open("visitor", T0.plusSeconds(119))).isEmpty();
    assertThat(prompt.isOpen(T0.plusSeconds(120))).isTrue();
    assertThat(prompt.visitorDigest()).contains("visitor");
    assertThat(prompt.open("someone-else", T0.plusSeconds(121)))
        .contains(Prompt.LaunchRefusal.TICKET_USED);
    assertThat(prompt.visitorDigest()).as("the second opener gets nothing").contains("visitor");
  }

  @Test
  void anExpiredLaunchTicketOpensNothing() {
    Prompt prompt = redirect();
    assertThat(prompt.open("visitor", T0.plusSeconds(120)))
        .contains(Prompt.LaunchRefusal.TICKET_EXPIRED);
    assertThat(prompt.isOpen(T0.plusSeconds(120))).isFalse();
  }

  @Test
  void aPromptClosesAfterItsLifetime() {
    Prompt prompt = redirect();
    prompt.open("visitor", T0);
    assertThat(prompt.isOpen(T0.plus(Prompt.LIFETIME))).isFalse();
    assertThatThrownBy(() -> prompt.succeed(Path.REAUTH, T0.plus(Prompt.LIFETIME)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPromptFinishesOnce() {
    Prompt prompt = redirect();
    prompt.open("visitor", T0);
    assertThat(prompt.cancel(T0.plusSeconds(5))).isEqualTo(PromptStatus.CANCELLED);
    assertThat(prompt.isOpen(T0.plusSeconds(6))).isFalse();
    assertThatThrownBy(() -> prompt.succeed(Path.MFA, T0.plusSeconds(6)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(prompt.status()).isEqualTo(PromptStatus.CANCELLED);
  }

  @Test
  void mfaOnlyFailsForAUserWithoutMfa() {
    Prompt prompt = prompt(PromptMode.MFA, new PromptTarget.Popup("https://app.example.com"));
    prompt.open("visitor", T0);
    assertThat(prompt.succeed(Path.REAUTH, T0.plusSeconds(1))).isEqualTo(PromptStatus.FAILED);
    assertThat(prompt.failureReason()).contains("mfa_not_enrolled");
  }

  @Test
  void reauthOnlyFailsForAnMfaUser() {
    Prompt prompt = prompt(PromptMode.REAUTH, new PromptTarget.Popup("https://app.example.com"));
    prompt.open("visitor", T0);
    assertThat(prompt.succeed(Path.MFA, T0.plusSeconds(1))).isEqualTo(PromptStatus.FAILED);
    assertThat(prompt.failureReason()).contains("reauth_not_allowed");
  }

  @Test
  void aModeThePathSatisfiesSucceeds() {
    assertThat(PromptMode.MFA.permits(Path.MFA)).isTrue();
    assertThat(PromptMode.REAUTH.permits(Path.REAUTH)).isTrue();
    assertThat(PromptMode.ANY.permits(Path.MFA)).isTrue();
    assertThat(PromptMode.ANY.permits(Path.NONE)).isFalse();
    assertThat(PromptMode.ANY.unsatisfiedBecause(Path.NONE)).contains("no_eligible_credential");
    assertThat(PromptMode.fromWire("MFA")).contains(PromptMode.MFA);
    assertThat(PromptMode.fromWire("mfa-only")).isEmpty();
  }

  @Test
  void theResultCodeIsExchangedOnceWithinSixtySecondsBySameEnvironment() {
    Prompt prompt = redirect();
    prompt.open("visitor", T0);
    prompt.succeed(Path.REAUTH, T0.plusSeconds(10));
    prompt.issueResultCode("code-digest", T0.plusSeconds(10));
    assertThat(prompt.exchange(new EnvironmentId("other"), T0.plusSeconds(11)))
        .as("another environment's backend learns nothing")
        .isEmpty();
    assertThat(prompt.exchange(ENV, T0.plusSeconds(69))).contains(OneTimeSecret.Verdict.GOOD);
    assertThat(prompt.exchange(ENV, T0.plusSeconds(69))).contains(OneTimeSecret.Verdict.USED);
  }

  @Test
  void anExpiredResultCodeIsRefused() {
    Prompt prompt = redirect();
    prompt.open("visitor", T0);
    prompt.cancel(T0.plusSeconds(10));
    prompt.issueResultCode("code-digest", T0.plusSeconds(10));
    assertThat(prompt.exchange(ENV, T0.plusSeconds(70))).contains(OneTimeSecret.Verdict.EXPIRED);
    assertThat(prompt.resultCode().orElseThrow().usedAt()).isEmpty();
  }

  @Test
  void aPopupPromptHasNoResultCodeAndAnUnfinishedOneNone() {
    Prompt popup = prompt(PromptMode.ANY, new PromptTarget.Popup("https://app.example.com"));
    popup.open("visitor", T0);
    popup.succeed(Path.MFA, T0);
    assertThatThrownBy(() -> popup.issueResultCode("d", T0))
        .isInstanceOf(IllegalStateException.class);
    Prompt pending = redirect();
    assertThatThrownBy(() -> pending.issueResultCode("d", T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void popupOriginsAreExactlySchemeHostAndPort() {
    assertThat(PromptTarget.Popup.normalised("HTTPS://App.Example.com:443"))
        .contains("https://app.example.com");
    assertThat(PromptTarget.Popup.normalised("http://localhost:8081"))
        .contains("http://localhost:8081");
    assertThat(PromptTarget.Popup.normalised("https://app.example.com/")).isEmpty();
    assertThat(PromptTarget.Popup.normalised("https://app.example.com/cb")).isEmpty();
    assertThat(PromptTarget.Popup.normalised("*")).isEmpty();
    assertThat(PromptTarget.Popup.normalised("javascript:alert(1)")).isEmpty();
    assertThat(PromptTarget.Popup.normalised("https://user@app.example.com")).isEmpty();
    assertThatThrownBy(() -> new PromptTarget.Popup("https://App.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theResultCodeGoesBackOnTheReturnAddressQuery() {
    assertThat(new PromptTarget.Redirect("https://app.example.com/done").with("rc_1", "success"))
        .isEqualTo("https://app.example.com/done?code=rc_1&status=success");
    assertThat(new PromptTarget.Redirect("https://app.example.com/done?x=1").with("rc_1", "failed"))
        .isEqualTo("https://app.example.com/done?x=1&code=rc_1&status=failed");
  }

  @Test
  void aPromptAsksForOneToTenScopes() {
    assertThatThrownBy(
            () ->
                Prompt.create(
                    new PromptId("prm_1"),
                    ENV,
                    new UserId("usr_alice"),
                    new SessionId("ses_1"),
                    Set.of(),
                    PromptMode.ANY,
                    new PromptTarget.Popup("https://app.example.com"),
                    "d",
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(redirect().launchTicket().expiresAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(redirect().resultCode()).isEqualTo(Optional.empty());
  }

  @Test
  void aPopupAnswersOnlyAnOriginTheEnvironmentLists() {
    BrowserOrigins origins = BrowserOrigins.of(List.of("http://localhost:8081"));
    assertThat(new PromptTarget.Popup("http://localhost:8081").permittedBy(origins)).isTrue();
    assertThat(new PromptTarget.Popup("http://localhost:8082").permittedBy(origins)).isFalse();
    assertThat(new PromptTarget.Popup("http://localhost:8081").permittedBy(BrowserOrigins.none()))
        .isFalse();
    RedirectAllowList redirects = RedirectAllowList.of(List.of("https://app.example.com/done"));
    assertThat(new PromptTarget.Redirect("https://app.example.com/done").permittedBy(redirects))
        .isTrue();
    assertThat(new PromptTarget.Redirect("https://app.example.com/other").permittedBy(redirects))
        .isFalse();
    assertThat(new PromptTarget.Redirect("/hosted/demo/wallet").permittedBy(redirects)).isFalse();
  }
}
