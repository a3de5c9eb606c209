package dev.stepup.adapter.out.crypto.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.out.security.SealedKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing the master key: what stays readable, what is refused, and the pepper that survives. */
class MasterKeyRotationTest {

  @TempDir Path dataDir;

  private final String keyA = randomKey();
  private final String keyB = randomKey();
  private final InMemorySealedKeys store = new InMemorySealedKeys();

  @Test
  void aCipherOfTheNewKeyStillOpensWhatTheOldOneSealedButSealsWithTheNew() {
    AesGcmSecretCipher old = keys(keyA).secretCipher();
    AesGcmSecretCipher rotating = keys(keyB, keyA).secretCipher();
    AesGcmSecretCipher rotated = keys(keyB).secretCipher();
    byte[] sealedByA = old.encrypt(text("totp secret"));

    assertThat(rotating.decrypt(sealedByA)).isEqualTo(text("totp secret"));
    assertThat(rotating.isSealedWithCurrentKey(sealedByA)).isFalse();
    byte[] resealed = rotating.encrypt(rotating.decrypt(sealedByA));
    assertThat(rotating.isSealedWithCurrentKey(resealed)).isTrue();
    assertThat(rotated.decrypt(resealed)).isEqualTo(text("totp secret"));
    assertThatThrownBy(() -> rotated.decrypt(sealedByA))
        .hasMessageContaining("master key this server was not given");
    assertThatThrownBy(() -> old.decrypt(resealed)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theKeyIdInTheHeaderIsAuthenticated() {
    AesGcmSecretCipher rotating = keys(keyB, keyA).secretCipher();
    byte[] sealedByA = keys(keyA).secretCipher().encrypt(text("wallet key"));
    byte[] relabelled = sealedByA.clone();
    byte[] idOfB = Arrays.copyOfRange(rotating.encrypt(text("x")), 1, 5);
    System.arraycopy(idOfB, 0, relabelled, 1, 4);

    assertThatThrownBy(() -> rotating.decrypt(relabelled))
        .hasMessageContaining("altered or made with another master key");
  }

  @Test
  void secretsSealedBeforeKeyIdsExistedStillOpen() throws Exception {
    byte[] key = MasterKey.load(keyA, dataDir).derive("secret-cipher");
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    gcm.updateAAD(new byte[] {1});
    byte[] body = gcm.doFinal(text("sealed by an earlier version"));
    byte[] legacy =
        ByteBuffer.allocate(13 + body.length).put((byte) 1).put(nonce).put(body).array();

    assertThat(keys(keyB, keyA).secretCipher().decrypt(legacy))
        .isEqualTo(text("sealed by an earlier version"));
    assertThat(keys(keyB, keyA).secretCipher().isSealedWithCurrentKey(legacy)).isFalse();
  }

  @Test
  void theFirstStartSealsThePepperTheKeyAlwaysDerivedAndLaterStartsOpenIt() {
    byte[] first = keys(keyA).pepper(store, () -> false, () -> true);

    assertThat(first).isEqualTo(MasterKey.load(keyA, dataDir).derive("digest-pepper"));
    assertThat(store.values).containsKey("digest-pepper");
    assertThat(keys(keyA).pepper(store, () -> true, () -> true)).isEqualTo(first);
  }

  @Test
  void aWrongMasterKeyIsRefusedAtStartWithWordsThatSayWhatToDo() {
    keys(keyA).pepper(store, () -> false, () -> true);

    assertThatThrownBy(() -> keys(keyB).pepper(store, () -> true, () -> true))
        .isInstanceOf(MasterKeys.WrongMasterKeyException.class)
        .hasMessageContaining("The master key does not open this database")
        .hasMessageContaining("stepup.previous-master-keys");
  }

  @Test
  void aDatabaseWithSecretsButNoSealedPepperRefusesAKeyThatDoesNotOpenThem() {
    assertThatThrownBy(() -> keys(keyB).pepper(store, () -> true, () -> false))
        .isInstanceOf(MasterKeys.WrongMasterKeyException.class);
    assertThat(store.values).isEmpty();
  }

  @Test
  void rotatingKeepsThePepperAndResealsItUnderTheNewKey() {
    byte[] pepper = keys(keyA).pepper(store, () -> false, () -> true);

    assertThat(keys(keyB, keyA).pepper(store, () -> true, () -> true)).isEqualTo(pepper);
    assertThat(keys(keyB).pepper(store, () -> true, () -> true)).isEqualTo(pepper);
    assertThatThrownBy(() -> keys(keyA).pepper(store, () -> true, () -> true))
        .isInstanceOf(MasterKeys.WrongMasterKeyException.class);
  }

  @Test
  void rotationCannotStartBeforeThePepperIsSealed() {
    assertThatThrownBy(() -> keys(keyB, keyA).pepper(store, () -> true, () -> true))
        .hasMessageContaining("start once with only the master key");
  }

  private MasterKeys keys(String current, String... previous) {
    return MasterKeys.load(current, null, dataDir, List.of(previous));
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static final class InMemorySealedKeys implements SealedKeys {
    final Map<String, byte[]> values = new HashMap<>();

    @Override
    public Optional<byte[]> find(String name) {
      return Optional.ofNullable(values.get(name));
    }

    @Override
    public boolean addIfAbsent(String name, byte[] sealed) {
      return values.putIfAbsent(name, sealed) == null;
    }

    @Override
    public boolean replace(String name, byte[] expected, byte[] sealed) {
      if (!Arrays.equals(values.get(name), expected)) {
        return false;
      }
      values.put(name, sealed);
      return true;
    }
  }
}
