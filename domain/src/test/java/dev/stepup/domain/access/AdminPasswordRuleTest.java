package dev.stepup.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminPasswordRuleTest {

  @Test
  void aShortPasswordIsRefusedWithItsReason() {
    assertThat(AdminPasswordRule.problem("Xk9#mq2Lp", "ops"))
        .hasValue("The password must have at least 12 characters.");
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCaseOrTrailingDigits() {
    assertThat(AdminPasswordRule.problem("Qwertyuiop123", "ops"))
        .get()
        .asString()
        .contains("common");
    assertThat(AdminPasswordRule.problem("PASSWORD2024!!", "ops"))
        .get()
        .asString()
        .contains("common");
    assertThat(AdminPasswordRule.problem("1qaz2wsx3edc4rfv", "ops")).isPresent();
    assertThat(AdminPasswordRule.problem("aaaaaaaaaaaaaa", "ops")).isPresent();
    assertThat(AdminPasswordRule.commonPasswords()).isGreaterThan(3000);
  }

  @Test
  void theUsernameAndTheProductNameAreRefused() {
    assertThat(AdminPasswordRule.problem("night-owl-operator-7", "operator"))
        .hasValue("The password must not contain the username or the product's name.");
    assertThat(AdminPasswordRule.problem("my StepUp server 2026", "ops")).isPresent();
  }

  @Test
  void aLongUncommonPasswordIsAccepted() {
    assertThat(AdminPasswordRule.problem("violet kettle drums at noon", "ops")).isEmpty();
  }

  @Test
  void aTotpStepIsAcceptedOnlyAfterTheLastAcceptedOne() {
    AdminAccount.AdminTotp totp = new AdminAccount.AdminTotp(new byte[] {1, 2}, 100);
    assertThat(totp.accepts(100)).isFalse();
    assertThat(totp.accepts(99)).isFalse();
    assertThat(totp.accepts(101)).isTrue();
  }
}
