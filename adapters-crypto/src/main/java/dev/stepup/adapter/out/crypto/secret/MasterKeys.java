package dev.stepup.adapter.out.crypto.secret;

import dev.stepup.application.port.out.security.SealedKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The master key that seals now and the earlier ones that still open, while an operator rotates:
 * the secret cipher seals with the first and opens with all. The digest pepper is the one key that
 * cannot change (digests cannot be recomputed without their secrets), so it is kept in the database
 * sealed under the master key: opening it at start is the check that the configured key is the
 * right one, and rotating reseals it.
 */
public final class MasterKeys {

  static final String PEPPER = "digest-pepper";

  private final List<MasterKey> keys;

  private MasterKeys(List<MasterKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * The configured key (base64), else the key file given, else the file in {@code dataDir}; then
   * the earlier keys, each base64.
   */
  public static MasterKeys load(
      String configuredBase64, Path keyFile, Path dataDir, List<String> previousBase64) {
    List<MasterKey> keys = new ArrayList<>();
    keys.add(
        configuredBase64 != null && !configuredBase64.isBlank()
            ? MasterKey.load(configuredBase64, dataDir)
            : keyFile != null
                ? MasterKey.readFile(keyFile)
                : MasterKey.fromFile(dataDir.resolve(MasterKey.FILE_NAME)));
    for (String previous : previousBase64) {
      keys.add(MasterKey.load(previous, dataDir));
    }
    return new MasterKeys(keys);
  }

  public boolean rotating() {
    return keys.size() > 1;
  }

  /** Seals secrets at rest with the current key; opens what any of the keys sealed. */
  public AesGcmSecretCipher secretCipher() {
    return new AesGcmSecretCipher(keys.stream().map(k -> k.derive("secret-cipher")).toList());
  }

  /**
   * The digest pepper, opened from the database; a database that has none yet gets the one the
   * current key always derived, sealed. When the store holds data it must open with these keys,
   * else the key is wrong and the server must not start.
   *
   * @param holdsSealedData whether secrets are already stored (they must open with these keys)
   * @param opensStoredData tries to open one stored secret with the cipher of these keys
   * @throws WrongMasterKeyException when the configured keys do not open the database
   */
  public byte[] pepper(
      SealedKeys store, BooleanSupplier holdsSealedData, BooleanSupplier opensStoredData) {
    AesGcmSecretCipher wrap =
        new AesGcmSecretCipher(keys.stream().map(k -> k.derive("key-wrap")).toList());
    Optional<byte[]> stored = store.find(PEPPER);
    if (stored.isPresent()) {
      byte[] pepper;
      try {
        pepper = wrap.decrypt(stored.get());
      } catch (IllegalStateException wrong) {
        throw new WrongMasterKeyException();
      }
      if (!wrap.isSealedWithCurrentKey(stored.get())) {
        store.replace(PEPPER, stored.get(), wrap.encrypt(pepper));
      }
      return pepper;
    }
    if (rotating()) {
      throw new IllegalStateException(
          "This database has no sealed keys yet: start once with only the master key it was set"
              + " up with (no stepup.previous-master-keys), then rotate.");
    }
    if (holdsSealedData.getAsBoolean() && !opensStoredData.getAsBoolean()) {
      throw new WrongMasterKeyException();
    }
    byte[] pepper = keys.get(0).derive(PEPPER);
    if (!store.addIfAbsent(PEPPER, wrap.encrypt(pepper))) {
      // Another node sealed it first: open theirs, which checks our key too.
      return pepper(store, holdsSealedData, opensStoredData);
    }
    return pepper;
  }

  /** The configured master key does not open the secrets this database holds. */
  public static final class WrongMasterKeyException extends IllegalStateException {
    WrongMasterKeyException() {
      super(
          "The master key does not open this database: stepup.master-key (or the key file) is not"
              + " the key the data was sealed with. Start with the right key; to change keys, set"
              + " the new one as stepup.master-key and the old one in"
              + " stepup.previous-master-keys, then run rotate-master-key.");
    }
  }
}
