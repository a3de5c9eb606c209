package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.SignInCode;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link SignInCodes} promises: found by address, the latest counts, spent once. */
public abstract class SignInCodesContract extends PortContract {

  SignInCodes codes;

  @BeforeEach
  void codes() {
    codes = stores.signInCodes();
  }

  @Test
  void signInCodesAreFoundByAddressAndSpentOnce() {
    Instant t0 = Instant.parse("2025-03-01T09:00:00Z");
    String ann = "ann@example.com";
    codes.add(
        SignInCode.issue("sic_1", ENV, ann, Optional.of(new UserId("usr_signin")), "digest-1", t0));
    codes.add(
        SignInCode.issue("sic_2", ENV, ann, Optional.empty(), "digest-2", t0.plusSeconds(40)));

    var latest = codes.latestFor(ENV, ann).orElseThrow();
    assertThat(latest.id()).isEqualTo("sic_2");
    assertThat(latest.email()).isEqualTo(ann);
    assertThat(latest.userId()).isEmpty();
    assertThat(latest.codeDigest()).isEqualTo("digest-2");
    assertThat(latest.expiresAt()).isEqualTo(t0.plusSeconds(40).plus(OtpChallenge.LIFETIME));
    assertThat(codes.sentSince(ENV, ann, t0.plusSeconds(1))).containsExactly(t0.plusSeconds(40));
    assertThat(codes.latestFor(OTHER_ENV, ann)).isEmpty();
    assertThat(codes.latestFor(ENV, "bob@example.com")).isEmpty();

    assertThat(codes.recordWrongEntry("sic_2")).isTrue();
    assertThat(codes.latestFor(ENV, ann).orElseThrow().failedAttempts()).isEqualTo(1);
    assertThat(codes.markUsed("sic_2", t0.plusSeconds(50))).isTrue();
    assertThat(codes.markUsed("sic_2", t0.plusSeconds(51))).isFalse();
    assertThat(codes.recordWrongEntry("sic_2")).isFalse();
    assertThat(codes.latestFor(ENV, ann).orElseThrow().usedAt()).contains(t0.plusSeconds(50));

    assertThat(codes.deleteExpired(t0.plus(OtpChallenge.LIFETIME).plusSeconds(1))).isEqualTo(1);
    assertThat(codes.sentSince(ENV, ann, t0.minusSeconds(1))).containsExactly(t0.plusSeconds(40));
  }

  @Test
  void aCodeDiesAfterTooManyWrongEntriesAndUnknownCodesAreNotSpent() {
    Instant t0 = Instant.parse("2025-03-01T09:00:00Z");
    codes.add(SignInCode.issue("sic_1", ENV, "ann@example.com", Optional.empty(), "d", t0));
    for (int i = 0; i < OtpChallenge.MAX_ATTEMPTS; i++) {
      assertThat(codes.recordWrongEntry("sic_1")).isTrue();
    }
    assertThat(codes.recordWrongEntry("sic_1")).isFalse();
    assertThat(codes.markUsed("sic_1", t0.plusSeconds(1))).isFalse();
    assertThat(codes.markUsed("sic_none", t0.plusSeconds(1))).isFalse();
    assertThat(codes.recordWrongEntry("sic_none")).isFalse();
  }

  @Test
  void ofConcurrentEntriesOfTheRightCodeExactlyOneIsAccepted() throws Exception {
    codes.add(SignInCode.issue("sic_1", ENV, "ann@example.com", Optional.empty(), "d", T0));
    assertThat(winnersOf(8, () -> codes.markUsed("sic_1", T0.plusSeconds(1)))).isEqualTo(1);
  }
}
