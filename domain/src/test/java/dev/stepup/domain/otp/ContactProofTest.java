package dev.stepup.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactProofTest {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

  private static ContactProof fresh(CredentialFormat format) {
    return ContactProof.issue(
        "prf_1",
        new EnvironmentId("demo"),
        new UserId("usr_1"),
        new SessionId("ses_1"),
        format,
        "ann.work@example.com",
        "digest",
        NOW);
  }

  @Test
  void aRightCodeIsAcceptedOnceWithinItsLifetime() {
    ContactProof proof = fresh(CredentialFormat.EMAIL);
    assertThat(proof.expiresAt()).isEqualTo(NOW.plus(OtpChallenge.LIFETIME));
    assertThat(proof.verify(true, NOW.plusSeconds(60))).isEqualTo(OtpOutcome.ACCEPTED);
    assertThat(proof.verify(true, NOW.plusSeconds(61))).isEqualTo(OtpOutcome.REPLAYED);
    assertThat(proof.verify(false, NOW.plusSeconds(62))).isEqualTo(OtpOutcome.ALREADY_USED);
  }

  @Test
  void aCodeDiesAfterFiveWrongEntriesEvenIfTheSixthIsRight() {
    ContactProof proof = fresh(CredentialFormat.PHONE_NUMBER);
    for (int i = OtpChallenge.MAX_ATTEMPTS - 1; i >= 0; i--) {
      assertThat(proof.verify(false, NOW)).isEqualTo(OtpOutcome.WRONG_CODE);
      assertThat(proof.attemptsLeft()).isEqualTo(i);
    }
    assertThat(proof.verify(true, NOW)).isEqualTo(OtpOutcome.TOO_MANY_ATTEMPTS);
  }

  @Test
  void anExpiredCodeIsRefusedEvenIfRight() {
    assertThat(fresh(CredentialFormat.EMAIL).verify(true, NOW.plus(OtpChallenge.LIFETIME)))
        .isEqualTo(OtpOutcome.EXPIRED);
  }

  @Test
  void onlyAnAddressOrNumberIsProvedByACode() {
    assertThatThrownBy(() -> fresh(CredentialFormat.PASSKEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fresh(CredentialFormat.BLOCKCHAIN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
