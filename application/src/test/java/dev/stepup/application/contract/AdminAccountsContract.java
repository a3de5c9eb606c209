package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.domain.access.AdminAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link AdminAccounts} promises: a TOTP step is accepted once and only forward. */
public abstract class AdminAccountsContract extends PortContract {

  AdminAccounts admins;

  @BeforeEach
  void admins() {
    admins = stores.adminAccounts();
  }

  @Test
  void adminAccountsAreStored() {
    assertThat(admins.any()).isFalse();
    admins.save(new AdminAccount("admin", "$2a$hash", T0));
    assertThat(admins.any()).isTrue();
    assertThat(admins.find("admin")).map(AdminAccount::passwordHash).contains("$2a$hash");
    assertThat(admins.find("nobody")).isEmpty();
  }

  @Test
  void anAdminTotpStepIsAcceptedOnceAndOnlyForward() {
    admins.save(new AdminAccount("ops", "$2a$hash", T0));
    assertThat(admins.acceptTotpStep("ops", 10)).as("nothing enrolled").isFalse();
    admins.save(admins.find("ops").orElseThrow().enrolTotp(new byte[] {7, 8, 9}, 10));
    AdminAccount enrolled = admins.find("ops").orElseThrow();
    assertThat(enrolled.totp().orElseThrow().sealedSecret()).containsExactly(7, 8, 9);
    assertThat(admins.acceptTotpStep("ops", 10)).as("the enrolling step again").isFalse();
    assertThat(admins.acceptTotpStep("ops", 11)).isTrue();
    assertThat(admins.acceptTotpStep("ops", 11)).as("a replay").isFalse();
    assertThat(admins.acceptTotpStep("ops", 9)).isFalse();
    admins.save(admins.find("ops").orElseThrow().withPassword("$2a$other"));
    assertThat(admins.find("ops").orElseThrow().totp().orElseThrow().lastAcceptedStep())
        .isEqualTo(11);
    assertThat(admins.all()).extracting(AdminAccount::username).containsExactly("ops");
    assertThat(admins.acceptTotpStep("nobody", 12)).isFalse();
  }

  @Test
  void adminsAreListedByUsername() {
    admins.save(new AdminAccount("zoe", "$2a$hash", T0));
    admins.save(new AdminAccount("ann", "$2a$hash", T0));
    assertThat(admins.all()).extracting(AdminAccount::username).containsExactly("ann", "zoe");
  }

  @Test
  void ofConcurrentCodesOfOneStepExactlyOneIsAccepted() throws Exception {
    admins.save(new AdminAccount("ops", "$2a$hash", T0).enrolTotp(new byte[] {7}, 10));
    assertThat(winnersOf(8, () -> admins.acceptTotpStep("ops", 11))).isEqualTo(1);
  }
}
