package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTokensTest {

  @Test
  void anIdIsItsPrefixAnd26CharactersOfLowerCaseBase32() {
    assertThat(RandomTokens.id("tok")).matches("tok_[a-z2-7]{26}");
  }

  @Test
  void idsDoNotRepeatAndUseTheWholeAlphabetInEveryPosition() {
    Set<String> ids = new HashSet<>();
    Set<Character> first = new HashSet<>();
    Set<Character> last = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id = RandomTokens.id("x");
      ids.add(id);
      first.add(id.charAt(2));
      last.add(id.charAt(id.length() - 1));
    }
    assertThat(ids).hasSize(20_000);
    assertThat(first).hasSize(32);
    assertThat(last).hasSize(32);
  }

  @Test
  void anOrderedIdIsItsPrefixTenCharactersOfTimeAnd26RandomOnesFortyForATokenId() {
    String id = RandomTokens.orderedId("tok", Instant.parse("2026-12-03T12:00:00Z"));
    assertThat(id).matches("tok_[a-z2-7]{36}").hasSize(40);
  }

  @Test
  void orderedIdsSortByTheirMillisecondWhateverTheirRandomPart() {
    Instant start = Instant.parse("2026-12-03T12:00:00.000Z");
    List<Instant> times =
        List.of(
            Instant.EPOCH,
            start,
            start.plusMillis(1),
            start.plusMillis(31),
            start.plusMillis(32),
            start.plusSeconds(1),
            start.plus(Duration.ofDays(400)),
            Instant.parse("9999-12-31T23:59:59.999Z"));
    for (int round = 0; round < 200; round++) {
      List<String> ids = new ArrayList<>();
      for (Instant at : times) {
        ids.add(RandomTokens.orderedId("tok", at));
      }
      assertThat(ids).isSorted();
    }
  }

  @Test
  void orderedIdsOfOneMillisecondShareTheirTimeAndDifferInTheirRandomPart() {
    Instant at = Instant.parse("2026-12-03T12:00:00.123Z");
    Set<String> ids = new HashSet<>();
    Set<String> times = new HashSet<>();
    Set<Character> last = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id = RandomTokens.orderedId("tok", at);
      ids.add(id);
      times.add(id.substring(0, 14));
      last.add(id.charAt(id.length() - 1));
    }
    assertThat(ids).hasSize(20_000);
    assertThat(times).hasSize(1);
    assertThat(last).hasSize(32);
  }
}
