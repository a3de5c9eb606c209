package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@link Prompts} promises: a prompt comes back as stored, opens once, finishes once, and its
 * result code is exchanged once, the sealed tokens forgotten with it.
 */
public abstract class PromptsContract extends PortContract {

  private static Prompt prompt(String id, PromptTarget target) {
    return Prompt.create(
        new PromptId(id),
        ENV,
        ALICE,
        new SessionId("ses_1"),
        Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
        PromptMode.MFA,
        target,
        "ticket-" + id,
        T0);
  }

  @Test
  void aPromptComesBackAsStoredByIdAndTicket() {
    Prompts prompts = stores.prompts();
    Prompt popup = prompt("prm_popup", new PromptTarget.Popup("http://localhost:8081"));
    prompts.add(popup);
    Prompt found = prompts.find(popup.id()).orElseThrow();
    assertThat(found.scopes()).isEqualTo(popup.scopes());
    assertThat(found.mode()).isEqualTo(PromptMode.MFA);
    assertThat(found.target()).isEqualTo(popup.target());
    assertThat(found.createdAt()).isEqualTo(T0);
    assertThat(found.launchTicket()).isEqualTo(popup.launchTicket());
    assertThat(found.status()).isEqualTo(PromptStatus.PENDING);
    assertThat(prompts.findByLaunchTicket("ticket-prm_popup")).isPresent();
    assertThat(prompts.findByLaunchTicket("ticket-other")).isEmpty();
    assertThat(prompts.find(new PromptId("prm_none"))).isEmpty();
  }

  @Test
  void aPromptOpensOnceFinishesOnceAndItsCodeIsExchangedOnce() throws Exception {
    Prompts prompts = stores.prompts();
    Prompt prompt = prompt("prm_redirect", new PromptTarget.Redirect("https://app.example.com/cb"));
    prompts.add(prompt);
    Prompt first = prompts.find(prompt.id()).orElseThrow();
    Prompt second = prompts.find(prompt.id()).orElseThrow();
    first.open("visitor-1", T0.plusSeconds(1));
    second.open("visitor-2", T0.plusSeconds(1));
    assertThat(prompts.opened(first)).isTrue();
    assertThat(prompts.opened(second)).as("the ticket was already used").isFalse();
    Prompt opened = prompts.find(prompt.id()).orElseThrow();
    assertThat(opened.visitorDigest()).contains("visitor-1");
    assertThat(opened.launchTicket().usedAt()).contains(T0.plusSeconds(1));

    Prompt done = prompts.find(prompt.id()).orElseThrow();
    done.succeed(StepUpDecision.Path.MFA, T0.plusSeconds(30));
    done.issueResultCode("code-1", T0.plusSeconds(30));
    Prompt again = prompts.find(prompt.id()).orElseThrow();
    again.cancel(T0.plusSeconds(31));
    assertThat(prompts.finished(done, Optional.of("sealed"))).isTrue();
    assertThat(prompts.finished(again, Optional.empty())).isFalse();
    Prompt finished = prompts.findByResultCode("code-1").orElseThrow();
    assertThat(finished.status()).isEqualTo(PromptStatus.SUCCESS);
    assertThat(finished.finishedAt()).contains(T0.plusSeconds(30));
    assertThat(finished.resultCode().orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(prompts.sealedTokens(prompt.id())).contains("sealed");

    assertThat(winnersOf(8, () -> prompts.exchanged(prompt.id(), T0.plusSeconds(40)))).isEqualTo(1);
    assertThat(prompts.sealedTokens(prompt.id())).isEmpty();
    assertThat(prompts.find(prompt.id()).orElseThrow().resultCode().orElseThrow().usedAt())
        .contains(T0.plusSeconds(40));
  }

  @Test
  void aFailedPromptKeepsItsReason() {
    Prompts prompts = stores.prompts();
    Prompt prompt = prompt("prm_failed", new PromptTarget.Popup("https://app.example.com"));
    prompts.add(prompt);
    prompt.open("visitor", T0);
    prompts.opened(prompt);
    prompt.succeed(StepUpDecision.Path.REAUTH, T0.plusSeconds(3));
    assertThat(prompts.finished(prompt, Optional.empty())).isTrue();
    Prompt found = prompts.find(prompt.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(PromptStatus.FAILED);
    assertThat(found.failureReason()).contains("mfa_not_enrolled");
    assertThat(found.resultCode()).isEmpty();
  }
}
