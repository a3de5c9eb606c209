package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
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
}
