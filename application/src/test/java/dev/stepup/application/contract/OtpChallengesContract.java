package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link OtpChallenges} promises: the latest code counts, wrong entries and use are CAS. */
public abstract class OtpChallengesContract extends PortContract {

  OtpChallenges otps;

  @BeforeEach
  void otps() {
    otps = stores.otpChallenges();
  }

  static OtpChallenge code(String id, String session, Instant at) {
    return OtpChallenge.issue(
        id,
        ENV,
        new UserId("usr_a"),
        new SessionId(session),
        new CredentialId("cred_mail"),
        VerificationMethod.EMAIL_OTP,
        "d-" + id,
        at);
  }

  @Test
  void otpCodesCountWrongEntriesAndAreUsedOnce() {
    OtpChallenge first = code("otp_1", "ses_1", T0);
    OtpChallenge second = code("otp_2", "ses_1", T0.plusSeconds(40));
    otps.add(first);
    otps.add(second);
    assertThat(otps.latestForSession(new SessionId("ses_1")))
        .map(OtpChallenge::id)
        .contains("otp_2");
    assertThat(otps.sentSince(new SessionId("ses_1"), T0.plusSeconds(1)))
        .containsExactly(T0.plusSeconds(40));
    for (int i = 0; i < OtpChallenge.MAX_ATTEMPTS; i++) {
      assertThat(otps.recordWrongEntry("otp_2")).isTrue();
    }
    assertThat(otps.recordWrongEntry("otp_2")).isFalse();
    assertThat(otps.markUsed("otp_2", T0.plusSeconds(50))).isFalse();
    assertThat(otps.markUsed("otp_1", T0.plusSeconds(50))).isTrue();
    assertThat(otps.markUsed("otp_1", T0.plusSeconds(51))).isFalse();
    assertThat(otps.latestForSession(new SessionId("ses_1")).orElseThrow().failedAttempts())
        .isEqualTo(OtpChallenge.MAX_ATTEMPTS);
  }

  @Test
  void aUsedCodeTakesNoWrongEntriesAndUnknownCodesAndSessionsAreNotFound() {
    otps.add(code("otp_1", "ses_1", T0));
    assertThat(otps.markUsed("otp_1", T0.plusSeconds(1))).isTrue();
    assertThat(otps.recordWrongEntry("otp_1")).isFalse();
    OtpChallenge used = otps.latestForSession(new SessionId("ses_1")).orElseThrow();
    assertThat(used.usedAt()).contains(T0.plusSeconds(1));
    assertThat(used.failedAttempts()).isZero();
    assertThat(otps.markUsed("otp_none", T0)).isFalse();
    assertThat(otps.recordWrongEntry("otp_none")).isFalse();
    assertThat(otps.latestForSession(new SessionId("ses_none"))).isEmpty();
    assertThat(otps.sentSince(new SessionId("ses_none"), T0)).isEmpty();
  }

  @Test
  void ofConcurrentEntriesOfTheRightCodeExactlyOneIsAccepted() throws Exception {
    otps.add(code("otp_1", "ses_1", T0));
    assertThat(winnersOf(8, () -> otps.markUsed("otp_1", T0.plusSeconds(1)))).isEqualTo(1);
  }
}
