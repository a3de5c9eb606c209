package dev.stepup.application.fakes;

import dev.stepup.application.port.out.security.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for everything: fast and deterministic, good enough for tests of the services. */
public final class FakeSecretHasher implements SecretHasher {
  @Override
  public String hashPassword(CharSequence password) {
    return "pw:" + digest(password);
  }

  @Override
  public boolean passwordMatches(CharSequence password, String hash) {
    return hashPassword(password).equals(hash);
  }

  @Override
  public String digest(CharSequence secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean digestMatches(CharSequence secret, String digest) {
    return digest(secret).equals(digest);
  }
}
