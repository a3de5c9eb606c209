package dev.stepup.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TotpDeviceTest {

  static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

  private static TotpDevice lastAccepted(long step) {
    return new TotpDevice(
        new CredentialId("cred_totp"),
        new UserId("usr_ann"),
        "Phone",
        new byte[] {1},
        step,
        NOW,
        Optional.of(NOW));
  }

  @Test
  void theCurrentStepAndOneStepBackAreAccepted() {
    long now = TotpCheck.stepAt(NOW);
    TotpDevice device = lastAccepted(now - 5);
    assertThat(device.check(now, now)).isEqualTo(TotpCheck.ACCEPTED);
    assertThat(device.check(now - 1, now)).isEqualTo(TotpCheck.ACCEPTED);
  }

  @Test
  void aCodeOfTheNextStepIsRefused() {
    long now = TotpCheck.stepAt(NOW);
    assertThat(lastAccepted(now - 5).check(now + 1, now)).isEqualTo(TotpCheck.OUTSIDE_WINDOW);
  }

  @Test
  void aCodeTwoStepsBackIsRefused() {
    long now = TotpCheck.stepAt(NOW);
    assertThat(lastAccepted(now - 5).check(now - 2, now)).isEqualTo(TotpCheck.OUTSIDE_WINDOW);
  }

  @Test
  void aStepAcceptedBeforeIsAReplayAndSoIsAnEarlierOne() {
    long now = TotpCheck.stepAt(NOW);
    TotpDevice device = lastAccepted(now);
    assertThat(device.check(now, now)).isEqualTo(TotpCheck.REPLAYED);
    assertThat(device.check(now - 1, now)).isEqualTo(TotpCheck.REPLAYED);
  }
}
