package dev.stepup.application.service.mfa;

import dev.stepup.application.service.RandomTokens;
import dev.stepup.domain.user.UserId;

/** What is hashed for a recovery code: bound to its user, so equal codes of two users differ. */
public final class RecoveryMaterial {

  private RecoveryMaterial() {}

  public static String of(UserId userId, String normalizedCode) {
    return "recovery:" + userId.value() + ":" + normalizedCode;
  }

  /** What the store keeps of a set of codes: their peppered digests, never the codes. */
  public static java.util.List<String> digests(
      dev.stepup.application.port.out.security.SecretHasher hasher,
      UserId userId,
      java.util.List<String> codes) {
    return codes.stream()
        .map(c -> hasher.digest(of(userId, dev.stepup.domain.mfa.RecoveryCodes.normalize(c))))
        .toList();
  }

  /** A fresh set of distinct codes, each character drawn without modulo bias. */
  public static java.util.List<String> generate() {
    java.util.List<String> codes =
        new java.util.ArrayList<>(dev.stepup.domain.mfa.RecoveryCodes.COUNT);
    int length =
        dev.stepup.domain.mfa.RecoveryCodes.GROUPS
            * dev.stepup.domain.mfa.RecoveryCodes.GROUP_LENGTH;
    int alphabet = dev.stepup.domain.mfa.RecoveryCodes.ALPHABET.length();
    while (codes.size() < dev.stepup.domain.mfa.RecoveryCodes.COUNT) {
      byte[] random = RandomTokens.bytes(length);
      int[] indexes = new int[length];
      for (int i = 0; i < length; i++) {
        // 256 is not a multiple of the alphabet size; redraw biased bytes.
        int b = random[i] & 0xff;
        while (b >= 256 - 256 % alphabet) {
          b = RandomTokens.bytes(1)[0] & 0xff;
        }
        indexes[i] = b;
      }
      String code = dev.stepup.domain.mfa.RecoveryCodes.format(indexes);
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }
}
