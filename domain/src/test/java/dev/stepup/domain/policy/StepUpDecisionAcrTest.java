package dev.stepup.domain.policy;

import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.embeddedWallet;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.Acr;
import dev.stepup.domain.policy.StepUpDecision.Required;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which authentication levels a required step-up asks for (RFC 9470 {@code acr_values}). */
class StepUpDecisionAcrTest {

  private final StepUpPolicy policy = new StepUpPolicy();

  private Required required(User user) {
    return (Required)
        policy.decide(
            StepUpSettings.defaults(), user, session(), Scope.WALLET_EXPORT, List.of(), NOW);
  }

  @Test
  void anMfaUserIsAskedForTheMfaLevelOnly() {
    assertThat(required(alice(email("email", 1), passkey("pk", 2))).acrValues())
        .containsExactly(Acr.MFA);
  }

  @Test
  void aUserWithoutMfaIsAskedToReauthenticate() {
    assertThat(required(alice(email("email", 1))).acrValues()).containsExactly(Acr.REAUTH);
  }

  @Test
  void aUserWithNothingToVerifyWithIsAskedForNoLevel() {
    assertThat(required(alice(embeddedWallet("w", 1))).acrValues()).isEmpty();
  }
}
