package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link TotpDevices} promises: confirmed once; the accepted step only moves forward. */
public abstract class TotpDevicesContract extends PortContract {

  TotpDevices totpDevices;

  @BeforeEach
  void totpDevices() {
    givenAlice();
    totpDevices = stores.totpDevices();
  }

  @Test
  void totpStepsOnlyMoveForward() {
    TotpDevice device =
        TotpDevice.pending(
            new CredentialId("cred_totp"),
            new UserId("usr_alice"),
            "Phone",
            new byte[] {9, 8, 7},
            T0);
    totpDevices.add(device);
    assertThat(totpDevices.confirmedForUser(new UserId("usr_alice"))).isEmpty();
    assertThat(totpDevices.confirm(device.id(), 100, T0.plusSeconds(30))).isTrue();
    assertThat(totpDevices.confirm(device.id(), 101, T0.plusSeconds(31))).isFalse();
    assertThat(totpDevices.advanceStep(device.id(), 100)).isFalse();
    assertThat(totpDevices.advanceStep(device.id(), 101)).isTrue();
    assertThat(totpDevices.advanceStep(device.id(), 101)).isFalse();
    TotpDevice loaded = totpDevices.confirmedForUser(new UserId("usr_alice")).get(0);
    assertThat(loaded.lastAcceptedStep()).isEqualTo(101);
    assertThat(loaded.encryptedSecret()).containsExactly(9, 8, 7);
    assertThat(loaded.confirmedAt()).contains(T0.plusSeconds(30));

    totpDevices.add(
        TotpDevice.pending(
            new CredentialId("cred_stale"), new UserId("usr_alice"), "Old", new byte[] {1}, T0));
    assertThat(totpDevices.deletePendingCreatedBefore(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(totpDevices.find(new CredentialId("cred_totp"))).isPresent();
  }

  @Test
  void confirmedDevicesAreListedOldestFirstAndDeletedOnesAreGone() {
    for (String id : new String[] {"cred_b", "cred_a", "cred_c"}) {
      CredentialId device = new CredentialId(id);
      totpDevices.add(
          TotpDevice.pending(
              device, ALICE, id, new byte[] {1}, id.equals("cred_c") ? T0.minusSeconds(1) : T0));
      assertThat(totpDevices.confirm(device, 1, T0)).isTrue();
    }
    assertThat(totpDevices.confirmedForUser(ALICE))
        .extracting(d -> d.id().value())
        .containsExactly("cred_c", "cred_a", "cred_b");
    totpDevices.delete(new CredentialId("cred_a"));
    assertThat(totpDevices.find(new CredentialId("cred_a"))).isEmpty();
    assertThat(totpDevices.advanceStep(new CredentialId("cred_a"), 5)).isFalse();
    assertThat(totpDevices.confirmedForUser(new UserId("usr_nobody"))).isEmpty();
  }

  @Test
  void ofConcurrentCodesOfOneStepExactlyOneIsAccepted() throws Exception {
    CredentialId device = new CredentialId("cred_totp");
    totpDevices.add(TotpDevice.pending(device, ALICE, "Phone", new byte[] {1}, T0));
    assertThat(totpDevices.confirm(device, 100, T0)).isTrue();
    assertThat(winnersOf(8, () -> totpDevices.advanceStep(device, 101))).isEqualTo(1);
  }
}
