package dev.stepup.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

  @Test
  void aCodeCarriesAtLeast112Bits() {
    assertThat(RecoveryCodes.bits()).isGreaterThanOrEqualTo(RecoveryCodes.MIN_BITS);
  }

  @Test
  void codesAreTypedInGroupsInAnyCaseWithoutLookAlikes() {
    int[] indexes = new int[RecoveryCodes.GROUPS * RecoveryCodes.GROUP_LENGTH];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = i * 7;
    }
    String code = RecoveryCodes.format(indexes);

    assertThat(code.split("-")).hasSize(RecoveryCodes.GROUPS);
    assertThat(code).doesNotContain("0", "o", "1", "l", "i");
    String typed = " " + code.toUpperCase().replace("-", " ") + " ";
    assertThat(RecoveryCodes.normalize(typed)).isEqualTo(code.replace("-", ""));
    assertThat(RecoveryCodes.isWellFormed(RecoveryCodes.normalize(typed))).isTrue();
  }

  @Test
  void codesIssuedBeforeTheyGrewStillHaveTheirShapeButNothingElseDoes() {
    assertThat(RecoveryCodes.isWellFormed("7kq2mxh9pa")).isTrue();
    assertThat(RecoveryCodes.isWellFormed("7kq2mxh9p")).isFalse();
    assertThat(RecoveryCodes.isWellFormed("7kq2mxh9pa0")).isFalse();
    assertThat(RecoveryCodes.isWellFormed("7kq2mxh9pa3duv4wtn8bc5e1")).isFalse();
  }
}
