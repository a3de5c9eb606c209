package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.InMemorySignInTallies;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.fakes.RecordingAuditTrail;
import dev.stepup.application.port.in.admin.AdminSignInAttempt;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.admin.AdminSignInService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSignInServiceTest {

  private static final RequestOrigin OFFICE = new RequestOrigin("198.51.100.1", "browser");
  private static final RequestOrigin HOME = new RequestOrigin("198.51.100.2", "browser");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T09:00:00Z"));
  private final InMemorySignInTallies tallies = new InMemorySignInTallies();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final AdminSignInService signIn = new AdminSignInService(tallies, audit, clock);

  /** One attempt with a wrong password, as the console makes it. */
  private Optional<Duration> wrongPassword(String username, RequestOrigin origin) {
    Optional<Duration> refused = signIn.begin(new AdminSignInAttempt(username, origin));
    if (refused.isEmpty()) {
      signIn.failed(new AdminSignInAttempt(username, origin));
    }
    return refused;
  }

  private List<AuditEvent> events(AuditEventType type) {
    return audit.events().stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void fiveWrongPasswordsRefuseTheSixthAttemptEvenWithTheRightOne() {
    for (int i = 0; i < 5; i++) {
      assertThat(wrongPassword("admin", OFFICE)).isEmpty();
    }

    Optional<Duration> refused = signIn.begin(new AdminSignInAttempt("admin", OFFICE));

    assertThat(refused).contains(Duration.ofMinutes(15));
    assertThat(events(AuditEventType.ADMIN_SIGN_IN))
        .extracting(e -> e.reason().orElse(""))
        .containsExactly(
            "bad_credentials",
            "bad_credentials",
            "bad_credentials",
            "bad_credentials",
            "bad_credentials",
            "throttled");
    assertThat(events(AuditEventType.LOCKOUT)).isNotEmpty();
    assertThat(events(AuditEventType.ADMIN_SIGN_IN))
        .allSatisfy(e -> assertThat(e.actor()).contains("admin"))
        .allSatisfy(e -> assertThat(e.environmentId()).isEmpty());
  }

  @Test
  void theUsernameIsThrottledFromAnyAddressAndInAnyCase() {
    for (int i = 0; i < 5; i++) {
      wrongPassword("admin", i % 2 == 0 ? OFFICE : HOME);
    }

    assertThat(signIn.begin(new AdminSignInAttempt("Admin", new RequestOrigin("192.0.2.9", "x"))))
        .isPresent();
  }

  @Test
  void anAddressIsThrottledWhateverUsernamesItTries() {
    for (int i = 0; i < 5; i++) {
      wrongPassword("guess" + i, OFFICE);
    }

    assertThat(signIn.begin(new AdminSignInAttempt("admin", OFFICE))).isPresent();
    assertThat(signIn.begin(new AdminSignInAttempt("admin", HOME))).isEmpty();
  }

  @Test
  void theRefusalEndsAfterFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      wrongPassword("admin", OFFICE);
    }
    clock.advance(Duration.ofMinutes(15));

    assertThat(signIn.begin(new AdminSignInAttempt("admin", OFFICE))).isEmpty();
  }

  @Test
  void aSuccessForgetsEarlierFailuresAndIsAudited() {
    for (int i = 0; i < 4; i++) {
      wrongPassword("admin", OFFICE);
    }
    assertThat(signIn.begin(new AdminSignInAttempt("admin", OFFICE))).isEmpty();
    signIn.succeeded(new AdminSignInAttempt("admin", OFFICE));

    for (int i = 0; i < 4; i++) {
      assertThat(wrongPassword("admin", OFFICE)).isEmpty();
    }
    AuditEvent success =
        events(AuditEventType.ADMIN_SIGN_IN).stream()
            .filter(e -> e.outcome() == AuditEvent.Outcome.SUCCESS)
            .findFirst()
            .orElseThrow();
    assertThat(success.actor()).contains("admin");
    assertThat(success.origin().clientIp()).isEqualTo("198.51.100.1");
  }

  @Test
  void concurrentGuessesCannotAllSlipUnderTheThreshold() throws Exception {
    List<Object> outcomes =
        Fixture.race(20, () -> signIn.begin(new AdminSignInAttempt("admin", OFFICE)));

    assertThat(outcomes.stream().filter(o -> ((Optional<?>) o).isEmpty()))
        .hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void signOutIsAudited() {
    signIn.signedOut(new AdminSignInAttempt("admin", OFFICE));

    assertThat(events(AuditEventType.ADMIN_SIGN_OUT))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).contains("admin"));
  }
}
