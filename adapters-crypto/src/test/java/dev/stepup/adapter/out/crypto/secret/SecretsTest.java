package dev.stepup.adapter.out.crypto.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir Path dataDir;

  @Test
  void masterKeyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
    MasterKey first = MasterKey.load(null, dataDir);
    Path file = dataDir.resolve(MasterKey.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String content = Files.readString(file);
    MasterKey second = MasterKey.load("", dataDir);
    assertThat(Files.readString(file)).isEqualTo(content);
    assertThat(second.derive("x")).isEqualTo(first.derive("x"));
  }

  @Test
  void configuredMasterKeyWinsAndBadOnesAreRefused() {
    String configured = Base64.getEncoder().encodeToString(new byte[32]);
    MasterKey key = MasterKey.load(configured, dataDir);
    assertThat(Files.exists(dataDir.resolve(MasterKey.FILE_NAME))).isFalse();
    assertThat(key.derive("a")).isNotEqualTo(key.derive("b")).hasSize(32);
    assertThatThrownBy(() -> MasterKey.load("not base64!", dataDir))
        .hasMessageContaining("stepup.master-key");
    assertThatThrownBy(
            () -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[8]), dataDir))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void aesGcmRoundTripsWithAFreshNonceEachTime() {
    AesGcmSecretCipher cipher = new AesGcmSecretCipher(MasterKey.load(null, dataDir).derive("c"));
    byte[] secret = "totp secret".getBytes(StandardCharsets.UTF_8);
    byte[] once = cipher.encrypt(secret);
    byte[] twice = cipher.encrypt(secret);
    assertThat(once).isNotEqualTo(twice);
    assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("totp secret");
    assertThat(cipher.decrypt(once)).isEqualTo(secret);
    assertThat(cipher.decrypt(twice)).isEqualTo(secret);
  }

  @Test
  void tamperedCiphertextOrAnotherKeyIsRefused() {
    AesGcmSecretCipher cipher = new AesGcmSecretCipher(new byte[32]);
    byte[] sealed = cipher.encrypt(new byte[] {1, 2, 3});
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("altered or made with another master key");
    byte[] other = new AesGcmSecretCipher(new byte[32]).encrypt(new byte[] {1});
    byte[] key = new byte[32];
    key[0] = 1;
    assertThatThrownBy(() -> new AesGcmSecretCipher(key).decrypt(other))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 2}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void passwordHashesVerifyAndRejectAndAreSalted() {
    BcryptHmacSecretHasher hasher = new BcryptHmacSecretHasher(new byte[32]);
    String hash = hasher.hashPassword("correct horse battery");
    assertThat(hash).startsWith("$2a$12$").doesNotContain("correct horse");
    assertThat(hasher.passwordMatches("correct horse battery", hash)).isTrue();
    assertThat(hasher.passwordMatches("wrong", hash)).isFalse();
    assertThat(hasher.hashPassword("correct horse battery")).isNotEqualTo(hash);
    assertThat(hasher.passwordMatches("x", null)).isFalse();
  }

  @Test
  void digestsAreDeterministicAndDependOnThePepper() {
    byte[] pepper = new byte[32];
    BcryptHmacSecretHasher a = new BcryptHmacSecretHasher(pepper);
    BcryptHmacSecretHasher sameA = new BcryptHmacSecretHasher(pepper.clone());
    byte[] otherPepper = new byte[32];
    otherPepper[5] = 7;
    BcryptHmacSecretHasher b = new BcryptHmacSecretHasher(otherPepper);
    assertThat(a.digest("st_secret")).isEqualTo(sameA.digest("st_secret")).hasSize(64);
    assertThat(a.digest("st_secret")).isNotEqualTo(b.digest("st_secret"));
    assertThat(a.digestMatches("st_secret", a.digest("st_secret"))).isTrue();
    assertThat(a.digestMatches("st_other", a.digest("st_secret"))).isFalse();
  }
}
