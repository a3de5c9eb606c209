package dev.stepup.adapter.out.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ES256 signer and one verifier per key id, built once over BouncyCastle's own key objects. A
 * key converted from the JDK's form on every call makes BouncyCastle redo its precomputation for
 * the curve each time; its own key keeps it, which makes a signature several times cheaper. Both
 * objects are safe to share between threads (each call takes a fresh {@code Signature}).
 */
final class Es256Crypto {

  private static final Provider BC = BouncyCastleProviderSingleton.getInstance();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, ECDSASigner> signers = new ConcurrentHashMap<>();
  private final Map<String, ECDSAVerifier> verifiers = new ConcurrentHashMap<>();

  ECDSASigner signer(ECKey key) {
    return signers.computeIfAbsent(key.getKeyID(), kid -> newSigner(key));
  }

  ECDSAVerifier verifier(ECKey key) {
    return verifiers.computeIfAbsent(key.getKeyID(), kid -> newVerifier(key));
  }

  private static ECDSASigner newSigner(ECKey key) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", BC);
      ECPrivateKey own =
          (ECPrivateKey)
              factory.generatePrivate(new PKCS8EncodedKeySpec(key.toECPrivateKey().getEncoded()));
      ECDSASigner signer = new ECDSASigner(own);
      signer.getJCAContext().setProvider(BC);
      signer.getJCAContext().setSecureRandom(RANDOM);
      return signer;
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException("signing key " + key.getKeyID() + " is unusable", e);
    }
  }

  private static ECDSAVerifier newVerifier(ECKey key) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", BC);
      ECPublicKey own =
          (ECPublicKey)
              factory.generatePublic(new X509EncodedKeySpec(key.toECPublicKey().getEncoded()));
      ECDSAVerifier verifier = new ECDSAVerifier(own);
      verifier.getJCAContext().setProvider(BC);
      return verifier;
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException("verification key " + key.getKeyID() + " is unusable", e);
    }
  }
}
