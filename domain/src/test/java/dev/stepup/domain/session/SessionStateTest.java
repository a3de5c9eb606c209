package dev.stepup.domain.session;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A session's state is the domain's answer; pages only show its wire name. */
class SessionStateTest {

  /** The defaults: 12 hours at most, 30 minutes idle. */
  private final Session session =
      Session.start(
          new SessionId("ses_1"), DEMO, ALICE, Optional.empty(), NOW, SessionTimeouts.DEFAULTS);

  @Test
  void aSessionInUseIsActive() {
    assertThat(session.state(NOW.plus(Duration.ofMinutes(29)))).isEqualTo(SessionState.ACTIVE);
    assertThat(SessionState.ACTIVE.wire()).isEqualTo("active");
  }

  @Test
  void aSessionLeftIdleOrPastItsLifetimeHasExpired() {
    assertThat(session.state(NOW.plus(Duration.ofMinutes(30)))).isEqualTo(SessionState.EXPIRED);
    assertThat(session.state(NOW.plus(Duration.ofHours(13)))).isEqualTo(SessionState.EXPIRED);
    assertThat(session.isActive(NOW.plus(Duration.ofMinutes(30)))).isFalse();
  }

  @Test
  void aSignedOutSessionIsEndedEvenOnceItWouldHaveExpired() {
    session.end(NOW.plus(Duration.ofMinutes(5)));

    assertThat(session.state(NOW.plus(Duration.ofMinutes(6)))).isEqualTo(SessionState.ENDED);
    assertThat(session.state(NOW.plus(Duration.ofHours(13)))).isEqualTo(SessionState.ENDED);
    assertThat(SessionState.ENDED.wire()).isEqualTo("ended");
  }
}
