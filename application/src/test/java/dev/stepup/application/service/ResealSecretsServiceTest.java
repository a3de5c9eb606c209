package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.security.ResealSecretsUseCase;
import dev.stepup.application.port.out.security.SealedSecrets;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.service.operations.ResealSecretsService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rotation of the master key reseals every stored secret, page by page, and loses none. */
class ResealSecretsServiceTest {

  private final MarkedCipher oldKey = new MarkedCipher('A', "A");
  private final MarkedCipher rotating = new MarkedCipher('B', "BA");
  private final InMemorySealedSecrets store = new InMemorySealedSecrets();

  @Test
  void everySecretOfEveryKindEndsSealedUnderTheNewKeyWithItsContentIntact() {
    for (int i = 0; i < 250; i++) {
      store.put("totp_secret", String.format("dev_%03d", i), oldKey.encrypt(text("totp " + i)));
    }
    store.put("wallet_key", "wal_1", oldKey.encrypt(text("wallet")));
    store.put("wallet_key", "wal_2", rotating.encrypt(text("already new")));

    ResealSecretsUseCase.Result result = new ResealSecretsService(store, rotating).reseal();

    assertThat(result.resealed()).isEqualTo(251);
    assertThat(result.alreadyCurrent()).isEqualTo(1);
    MarkedCipher newKeyOnly = new MarkedCipher('B', "B");
    assertThat(newKeyOnly.decrypt(store.get("totp_secret", "dev_249"))).isEqualTo(text("totp 249"));
    assertThat(newKeyOnly.decrypt(store.get("wallet_key", "wal_1"))).isEqualTo(text("wallet"));
    assertThat(newKeyOnly.decrypt(store.get("wallet_key", "wal_2"))).isEqualTo(text("already new"));
  }

  @Test
  void aSecretRewrittenWhileItWasReadIsNotOverwrittenWithItsOldContent() {
    store.put("wallet_key", "wal_1", oldKey.encrypt(text("old wallet key")));
    store.beforeReplace =
        () -> store.put("wallet_key", "wal_1", rotating.encrypt(text("refreshed")));

    new ResealSecretsService(store, rotating).reseal();

    assertThat(rotating.decrypt(store.get("wallet_key", "wal_1"))).isEqualTo(text("refreshed"));
  }

  @Test
  void aSecondRunFindsNothingLeftToReseal() {
    store.put("signing_key", "k1", oldKey.encrypt(text("signing")));
    new ResealSecretsService(store, rotating).reseal();

    ResealSecretsUseCase.Result again = new ResealSecretsService(store, rotating).reseal();

    assertThat(again.resealed()).isZero();
    assertThat(again.alreadyCurrent()).isEqualTo(1);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Seals by prefixing its mark; opens the marks it was given. Not encryption. */
  private record MarkedCipher(char seals, String opens) implements SecretCipher {
    @Override
    public byte[] encrypt(byte[] plaintext) {
      byte[] out = new byte[plaintext.length + 1];
      out[0] = (byte) seals;
      System.arraycopy(plaintext, 0, out, 1, plaintext.length);
      return out;
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) {
      if (ciphertext.length == 0 || opens.indexOf((char) ciphertext[0]) < 0) {
        throw new IllegalStateException("sealed with a key this cipher was not given");
      }
      return Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
    }

    @Override
    public boolean isSealedWithCurrentKey(byte[] ciphertext) {
      return ciphertext.length > 0 && ciphertext[0] == seals;
    }
  }

  private static final class InMemorySealedSecrets implements SealedSecrets {
    private final Map<String, TreeMap<String, byte[]>> kinds = new TreeMap<>();
    Runnable beforeReplace = () -> {};

    void put(String kind, String rowKey, byte[] value) {
      kinds.computeIfAbsent(kind, k -> new TreeMap<>()).put(rowKey, value);
    }

    byte[] get(String kind, String rowKey) {
      return kinds.get(kind).get(rowKey);
    }

    @Override
    public List<String> kinds() {
      return List.of("totp_secret", "wallet_key", "signing_key", "social_client_secret");
    }

    @Override
    public List<Sealed> page(String kind, String afterRowKey, int limit) {
      List<Sealed> page = new ArrayList<>();
      kinds.getOrDefault(kind, new TreeMap<>()).tailMap(afterRowKey, false).entrySet().stream()
          .limit(limit)
          .forEach(e -> page.add(new Sealed(kind, e.getKey(), e.getValue())));
      return page;
    }

    @Override
    public boolean replace(Sealed current, byte[] resealed) {
      beforeReplace.run();
      beforeReplace = () -> {};
      TreeMap<String, byte[]> rows = kinds.get(current.kind());
      if (!Arrays.equals(rows.get(current.rowKey()), current.ciphertext())) {
        return false;
      }
      rows.put(current.rowKey(), resealed);
      return true;
    }
  }
}
