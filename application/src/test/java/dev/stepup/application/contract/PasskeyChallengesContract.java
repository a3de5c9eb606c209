package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Kind;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Pending;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** What {@link PasskeyChallenges} promises: a pending ceremony is taken once. */
public abstract class PasskeyChallengesContract extends PortContract {

  static Pending pending(String id) {
    return new Pending(
        id,
        ENV,
        new UserId("usr_1"),
        new SessionId("ses_1"),
        Kind.ASSERTION,
        "{\"request\":1}",
        "",
        T0.plusSeconds(300));
  }

  @Test
  void aPasskeyCeremonyIsTakenOnce() {
    PasskeyChallenges passkeyChallenges = stores.passkeyChallenges();
    Pending pending = pending("pkc_1");
    passkeyChallenges.add(pending);
    assertThat(passkeyChallenges.take("pkc_1")).contains(pending);
    assertThat(passkeyChallenges.take("pkc_1")).isEmpty();
  }

  @Test
  void expiredCeremoniesAreDeleted() {
    PasskeyChallenges passkeyChallenges = stores.passkeyChallenges();
    passkeyChallenges.add(pending("pkc_1"));
    passkeyChallenges.deleteExpiredBefore(T0.plusSeconds(300));
    assertThat(passkeyChallenges.take("pkc_1")).isPresent();
    passkeyChallenges.add(pending("pkc_2"));
    passkeyChallenges.deleteExpiredBefore(T0.plusSeconds(301));
    assertThat(passkeyChallenges.take("pkc_2")).isEmpty();
  }

  @Test
  void ofConcurrentTakersExactlyOneGetsTheCeremony() throws Exception {
    PasskeyChallenges passkeyChallenges = stores.passkeyChallenges();
    passkeyChallenges.add(pending("pkc_1"));
    assertThat(winnersOf(8, () -> passkeyChallenges.take("pkc_1").isPresent())).isEqualTo(1);
  }
}
