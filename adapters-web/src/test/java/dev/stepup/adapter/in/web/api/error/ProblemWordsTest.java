package dev.stepup.adapter.in.web.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API's words are built from the refusal's data: counts, waits and names. */
class ProblemWordsTest {

  @ParameterizedTest
  @EnumSource(RefusalReason.class)
  void everyReasonHasWordsThatEndASentence(RefusalReason reason) {
    String words = ProblemWords.detail(new RefusedException(reason).about("Acme"));
    assertThat(words).isNotBlank().matches("[A-Za-z].*[.)]$|.*Acme$");
  }

  @Test
  void aWrongCodeSaysHowManyAttemptsAreLeft() {
    RefusedException wrong = new RefusedException(RefusalReason.INVALID_CODE);
    assertThat(ProblemWords.detail(wrong.attemptsLeft(4)))
        .isEqualTo("That code is not right. 4 attempts left.");
    assertThat(ProblemWords.detail(wrong.attemptsLeft(1)))
        .isEqualTo("That code is not right. 1 attempt left.");
    assertThat(ProblemWords.detail(wrong.attemptsLeft(0)))
        .isEqualTo("That code is not right, and this code no longer works; ask for a new one.");
  }

  @Test
  void aLockSaysHowLongToWaitRoundedUp() {
    RefusedException locked = new RefusedException(RefusalReason.METHOD_LOCKED);
    assertThat(ProblemWords.detail(locked.retryAfter(Duration.ofMinutes(15))))
        .isEqualTo("Too many failed attempts. Try again in 15 minutes.");
    assertThat(ProblemWords.detail(locked.retryAfter(Duration.ofSeconds(59))))
        .isEqualTo("Too many failed attempts. Try again in 1 minute.");
    assertThat(
            ProblemWords.detail(
                new RefusedException(RefusalReason.ACCOUNT_LOCKED)
                    .retryAfter(Duration.ofMinutes(61))))
        .endsWith("try again in 2 hours.");
  }

  @Test
  void aThrottledSendSaysWhenTheNextCodeCanGo() {
    assertThat(
            ProblemWords.detail(
                new RefusedException(RefusalReason.RESEND_TOO_SOON)
                    .retryAfter(Duration.ofSeconds(30))))
        .isEqualTo("A code was sent moments ago. You can ask for another in 30 seconds.");
    assertThat(
            ProblemWords.detail(
                new RefusedException(RefusalReason.SEND_LIMIT_REACHED)
                    .retryAfter(Duration.ofSeconds(601))))
        .isEqualTo(
            "Too many codes were sent in the last hour. You can ask for another in 11 minutes.");
  }

  @Test
  void namesComeFromTheRefusal() {
    assertThat(
            ProblemWords.detail(
                new RefusedException(RefusalReason.INVALID_SIGNATURE).about("0xAbC")))
        .isEqualTo("The signature is not from 0xAbC over this message.");
    assertThat(
            ProblemWords.detail(
                new RefusedException(RefusalReason.STEP_UP_REQUIRED)
                    .forScope("wallet:export", List.of())))
        .isEqualTo("This action needs step-up verification for wallet:export.");
    assertThat(ProblemWords.detail(new RefusedException(RefusalReason.PROVIDER_UNAVAILABLE)))
        .isEqualTo("The provider could not be reached; try again later.");
  }
}
