package dev.stepup.adapter.out.crypto.jwt;

import static dev.stepup.adapter.out.crypto.jwt.JwtElevatedTokenSignerTest.NOW;
import static dev.stepup.adapter.out.crypto.jwt.JwtElevatedTokenSignerTest.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.adapter.out.crypto.secret.AesGcmSecretCipher;
import dev.stepup.application.fakes.InMemorySigningKeys;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.port.out.token.CurrentSigningKey;
import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Several nodes share one key store: whatever order they rotate in, exactly one new key is made,
 * and every token any node signs verifies against the JWKS any node serves.
 */
class SigningKeyRotationAcrossNodesTest {

  final MutableClock clock = new MutableClock(NOW);
  final PausingSigningKeys store = new PausingSigningKeys(new InMemorySigningKeys());
  final AesGcmSecretCipher cipher = new AesGcmSecretCipher(new byte[32]);
  final JwtElevatedTokenSigner nodeA = node();
  final JwtElevatedTokenSigner nodeB = node();

  JwtElevatedTokenSigner node() {
    return new JwtElevatedTokenSigner(
        store, cipher, "https://stepup.example", Duration.ofDays(30), clock);
  }

  @Test
  void aNodeFollowsARotationByAnotherNodeSoItNeverSignsWithAKeyTheJwksDropped() throws Exception {
    String before = nodeA.sign(claims("tok_1"));
    nodeB.rotate();
    // Long after the old key's tokens expired: it has left the JWKS.
    clock.advance(Duration.ofMinutes(20));

    String after = nodeA.sign(claims("tok_2"));

    assertThat(kid(after)).isNotEqualTo(kid(before));
    assertVerifiesAgainstEveryNodesJwks(after);
  }

  @Test
  void nodesRotatingAtTheSameMomentMakeOneKeyAndSignOnlyWithPublishedKeys() throws Exception {
    String old = nodeA.sign(claims("tok_0"));
    nodeB.verify(old);
    clock.advance(Duration.ofDays(31)); // the key is due on both nodes

    // Node A reads the current key, makes a new one, and is held before writing it.
    store.pauseNextRotation();
    CompletableFuture<String> fromA = CompletableFuture.supplyAsync(() -> nodeA.sign(claims("a")));
    assertThat(store.paused.await(10, TimeUnit.SECONDS)).isTrue();
    // Meanwhile node B reads the same current key and rotates.
    String fromB = nodeB.sign(claims("b"));
    store.release.countDown();
    String signedByA = fromA.get(10, TimeUnit.SECONDS);

    List<StoredSigningKey> keys = store.all();
    assertThat(keys).hasSize(2); // the old key and exactly one new one
    assertThat(keys.stream().filter(k -> k.retiredAt().isEmpty())).hasSize(1);
    assertThat(kid(signedByA)).isEqualTo(kid(fromB)).isNotEqualTo(kid(old));
    for (String token : List.of(old, fromB, signedByA)) {
      assertVerifiesAgainstEveryNodesJwks(token);
      assertThat(nodeA.verify(token)).isPresent();
      assertThat(nodeB.verify(token)).isPresent();
    }
    // Until the old key's last token expired; then both nodes keep signing with the new one.
    clock.advance(JwtElevatedTokenSigner.PUBLISH_AFTER_RETIREMENT.plusSeconds(1));
    assertVerifiesAgainstEveryNodesJwks(nodeA.sign(claims("a2")));
    assertVerifiesAgainstEveryNodesJwks(nodeB.sign(claims("b2")));
    assertThat(store.all()).hasSize(2);
  }

  @Test
  void aKeyAnotherNodeRotatedToIsInEveryNodesJwksWithinASecond() throws Exception {
    nodeA.jwksJson();
    nodeB.jwksJson();
    nodeB.rotate();
    String fromB = nodeB.sign(claims("b"));

    clock.advance(Duration.ofSeconds(1));

    assertVerifiesAgainstEveryNodesJwks(fromB);
  }

  @Test
  void aNodesOwnRotationIsInItsJwksAtOnce() throws Exception {
    nodeA.jwksJson();
    nodeA.rotate();
    SignedJWT token = SignedJWT.parse(nodeA.sign(claims("a")));

    JWK published = JWKSet.parse(nodeA.jwksJson()).getKeyByKeyId(token.getHeader().getKeyID());

    assertThat(published).isNotNull();
    assertThat(token.verify(new ECDSAVerifier((ECKey) published))).isTrue();
  }

  @Test
  void aTokenLivingLongerThanTheJwksPublishesRetiredKeysIsNeverSigned() {
    ElevatedTokenClaims c = claims("tok_long");
    ElevatedTokenClaims tooLong =
        new ElevatedTokenClaims(
            c.tokenId(),
            c.environmentId(),
            c.userId(),
            c.sessionId(),
            c.scopes(),
            c.amr(),
            c.acr(),
            c.authTime(),
            c.singleUse(),
            c.issuedAt(),
            c.issuedAt().plus(Duration.ofMinutes(16)));
    assertThatThrownBy(() -> nodeA.sign(tooLong)).isInstanceOf(IllegalArgumentException.class);
  }

  private void assertVerifiesAgainstEveryNodesJwks(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    for (JwtElevatedTokenSigner node : List.of(nodeA, nodeB)) {
      JWK published = JWKSet.parse(node.jwksJson()).getKeyByKeyId(jwt.getHeader().getKeyID());
      assertThat(published).as("key %s in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
      assertThat(jwt.verify(new ECDSAVerifier((ECKey) published))).isTrue();
    }
  }

  private static String kid(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  /** The shared store, able to hold one node between reading the current key and rotating. */
  static final class PausingSigningKeys implements SigningKeys {
    final SigningKeys delegate;
    final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    PausingSigningKeys(SigningKeys delegate) {
      this.delegate = delegate;
    }

    void pauseNextRotation() {
      armed.set(true);
    }

    @Override
    public List<StoredSigningKey> all() {
      return delegate.all();
    }

    @Override
    public CurrentSigningKey current() {
      return delegate.current();
    }

    @Override
    public boolean rotate(long replacing, StoredSigningKey fresh, Instant now) {
      if (armed.compareAndSet(true, false)) {
        paused.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return delegate.rotate(replacing, fresh, now);
    }

    @Override
    public void add(StoredSigningKey key) {
      delegate.add(key);
    }

    @Override
    public boolean retire(String keyId, Instant at) {
      return delegate.retire(keyId, at);
    }

    @Override
    public int deleteRetiredBefore(Instant before) {
      return delegate.deleteRetiredBefore(before);
    }
  }
}
