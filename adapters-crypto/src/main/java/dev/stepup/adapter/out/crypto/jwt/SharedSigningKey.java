package dev.stepup.adapter.out.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.token.CurrentSigningKey;
import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The signing key every node shares: the one the store names current, confirmed at least every few
 * seconds, and rotated through the store's compare-and-set so nodes rotating at the same moment end
 * up with one new key (ADR: signing-key rotation across nodes).
 */
final class SharedSigningKey {

  private final SigningKeys store;
  private final SecretCipher cipher;
  private final Duration rotationPeriod;
  private final Clock clock;
  private volatile Signing cached;

  SharedSigningKey(SigningKeys store, SecretCipher cipher, Duration rotationPeriod, Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.rotationPeriod = rotationPeriod;
    this.clock = clock;
  }

  /** Makes a new key current (or adopts the one another node made at the same moment). */
  void rotate() {
    synchronized (this) {
      CurrentSigningKey seen = store.current();
      Instant now = clock.instant();
      StoredSigningKey fresh = generate(now);
      if (store.rotate(seen.generation(), fresh, now)) {
        store.deleteRetiredBefore(now.minus(JwtElevatedTokenSigner.PUBLISH_AFTER_RETIREMENT));
      }
      cached = null;
    }
  }

  /**
   * The key the store says is current, looked up again at least every {@link
   * JwtElevatedTokenSigner#RECHECK_EVERY} so a rotation by another node is followed within that
   * time; rotates when the current key is due.
   */
  ECKey key() {
    Instant now = clock.instant();
    Signing mine = cached;
    if (mine != null && mine.fresh(now, rotationPeriod)) {
      return mine.key();
    }
    synchronized (this) {
      for (int attempt = 0; attempt < 5; attempt++) {
        now = clock.instant();
        CurrentSigningKey current = store.current();
        Optional<StoredSigningKey> stored = current.key();
        if (stored.isPresent() && now.isBefore(stored.get().createdAt().plus(rotationPeriod))) {
          Signing adopted =
              mine != null && mine.generation() == current.generation()
                  ? mine
                  : new Signing(withPrivateKey(stored.get()), current.generation(), stored.get());
          cached = adopted.checkedAt(now);
          return adopted.key();
        }
        StoredSigningKey fresh = generate(now);
        if (store.rotate(current.generation(), fresh, now)) {
          store.deleteRetiredBefore(now.minus(JwtElevatedTokenSigner.PUBLISH_AFTER_RETIREMENT));
        }
        // Won or lost, the next pass adopts whatever the store now names.
      }
      throw new IllegalStateException("the signing key kept changing; rotation did not settle");
    }
  }

  /** The key this node signs with and when it last confirmed the store still names it. */
  private record Signing(ECKey key, long generation, StoredSigningKey stored, Instant checked) {
    Signing(ECKey key, long generation, StoredSigningKey stored) {
      this(key, generation, stored, Instant.EPOCH);
    }

    Signing checkedAt(Instant now) {
      return new Signing(key, generation, stored, now);
    }

    boolean fresh(Instant now, Duration rotationPeriod) {
      return now.isBefore(checked.plus(JwtElevatedTokenSigner.RECHECK_EVERY))
          && now.isBefore(stored.createdAt().plus(rotationPeriod));
    }
  }

  private StoredSigningKey generate(Instant now) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      byte[] pkcs8 = key.toECPrivateKey().getEncoded();
      return new StoredSigningKey(
          key.getKeyID(),
          key.toPublicJWK().toJSONString(),
          cipher.encrypt(pkcs8),
          now,
          Optional.empty());
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate a signing key", e);
    }
  }

  static ECKey parsePublic(StoredSigningKey stored) {
    try {
      return ECKey.parse(stored.publicJwk());
    } catch (ParseException e) {
      throw new IllegalStateException("stored signing key " + stored.keyId() + " is unreadable", e);
    }
  }

  private ECKey withPrivateKey(StoredSigningKey stored) {
    try {
      ECPrivateKey privateKey =
          (ECPrivateKey)
              KeyFactory.getInstance("EC")
                  .generatePrivate(
                      new PKCS8EncodedKeySpec(cipher.decrypt(stored.encryptedPrivateKey())));
      return new ECKey.Builder(parsePublic(stored)).privateKey(privateKey).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored signing key " + stored.keyId() + " is unusable", e);
    }
  }
}
