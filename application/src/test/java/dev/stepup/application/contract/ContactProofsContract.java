package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ContactProofs} promises: found by session, the latest counts, spent once. */
public abstract class ContactProofsContract extends PortContract {

  ContactProofs proofs;

  @BeforeEach
  void proofs() {
    proofs = stores.contactProofs();
  }

  @Test
  void contactProofsAreFoundBySessionAndSpentOnce() {
    Instant t0 = Instant.parse("2025-03-01T09:00:00Z");
    SessionId session = new SessionId("ses_proof");
    proofs.add(
        ContactProof.issue(
            "prf_1",
            ENV,
            new UserId("usr_proof"),
            session,
            CredentialFormat.EMAIL,
            "ann.work@example.com",
            "digest-1",
            t0));
    proofs.add(
        ContactProof.issue(
            "prf_2",
            ENV,
            new UserId("usr_proof"),
            session,
            CredentialFormat.PHONE_NUMBER,
            "+14155550123",
            "digest-2",
            t0.plusSeconds(40)));

    var latest = proofs.latestForSession(session).orElseThrow();
    assertThat(latest.id()).isEqualTo("prf_2");
    assertThat(latest.format()).isEqualTo(CredentialFormat.PHONE_NUMBER);
    assertThat(latest.identifier()).isEqualTo("+14155550123");
    assertThat(latest.userId()).isEqualTo(new UserId("usr_proof"));
    assertThat(latest.codeDigest()).isEqualTo("digest-2");
    assertThat(latest.expiresAt()).isEqualTo(t0.plusSeconds(40).plus(OtpChallenge.LIFETIME));
    assertThat(latest.usedAt()).isEmpty();
    assertThat(proofs.find("prf_1").orElseThrow().identifier()).isEqualTo("ann.work@example.com");
    assertThat(proofs.sentSince(session, t0.plusSeconds(1))).containsExactly(t0.plusSeconds(40));
    assertThat(proofs.latestForSession(new SessionId("ses_other"))).isEmpty();

    assertThat(proofs.recordWrongEntry("prf_2")).isTrue();
    assertThat(proofs.find("prf_2").orElseThrow().failedAttempts()).isEqualTo(1);
    assertThat(proofs.markUsed("prf_2", t0.plusSeconds(50))).isTrue();
    assertThat(proofs.markUsed("prf_2", t0.plusSeconds(51))).isFalse();
    assertThat(proofs.recordWrongEntry("prf_2")).isFalse();
    assertThat(proofs.find("prf_2").orElseThrow().usedAt()).contains(t0.plusSeconds(50));

    assertThat(proofs.deleteExpired(t0.plus(OtpChallenge.LIFETIME).plusSeconds(1))).isEqualTo(1);
    assertThat(proofs.find("prf_1")).isEmpty();
    assertThat(proofs.find("prf_none")).isEmpty();
  }

  @Test
  void ofConcurrentEntriesOfTheRightCodeExactlyOneIsAccepted() throws Exception {
    proofs.add(
        ContactProof.issue(
            "prf_1",
            ENV,
            new UserId("usr_proof"),
            new SessionId("ses_proof"),
            CredentialFormat.EMAIL,
            "ann.work@example.com",
            "digest-1",
            T0));
    assertThat(winnersOf(8, () -> proofs.markUsed("prf_1", T0.plusSeconds(1)))).isEqualTo(1);
  }
}
