package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SigningKeys} promises about listing and retiring keys (rotation between nodes is
 * checked on the databases by the persistence module's {@code SigningKeyRotationContractTest}).
 */
public abstract class SigningKeysContract extends PortContract {

  SigningKeys signingKeys;

  @BeforeEach
  void signingKeys() {
    signingKeys = stores.signingKeys();
  }

  @Test
  void signingKeysAreListedNewestFirstAndRetire() {
    signingKeys.add(
        new StoredSigningKey("k1", "{\"kid\":\"k1\"}", new byte[] {1, 2}, T0, Optional.empty()));
    signingKeys.add(
        new StoredSigningKey(
            "k2", "{\"kid\":\"k2\"}", new byte[] {3}, T0.plusSeconds(60), Optional.empty()));
    assertThat(signingKeys.all()).extracting(StoredSigningKey::keyId).containsExactly("k2", "k1");
    assertThat(signingKeys.all().get(1).encryptedPrivateKey()).containsExactly(1, 2);
    assertThat(signingKeys.retire("k1", T0.plusSeconds(60))).isTrue();
    assertThat(signingKeys.retire("k1", T0.plusSeconds(61))).isFalse();
    assertThat(signingKeys.deleteRetiredBefore(T0.plusSeconds(30))).isZero();
    assertThat(signingKeys.deleteRetiredBefore(T0.plusSeconds(120))).isEqualTo(1);
    assertThat(signingKeys.all()).extracting(StoredSigningKey::keyId).containsExactly("k2");
  }

  @Test
  void aRotationReplacesOnlyTheGenerationItReadAndRetiresTheOthers() {
    long generation = signingKeys.current().generation();
    StoredSigningKey first =
        new StoredSigningKey("k1", "{\"kid\":\"k1\"}", new byte[] {1}, T0, Optional.empty());
    assertThat(signingKeys.rotate(generation, first, T0)).isTrue();
    assertThat(signingKeys.current().key()).map(StoredSigningKey::keyId).contains("k1");
    StoredSigningKey second =
        new StoredSigningKey(
            "k2", "{\"kid\":\"k2\"}", new byte[] {2}, T0.plusSeconds(60), Optional.empty());
    StoredSigningKey late =
        new StoredSigningKey(
            "k3", "{\"kid\":\"k3\"}", new byte[] {3}, T0.plusSeconds(61), Optional.empty());
    long read = signingKeys.current().generation();
    assertThat(signingKeys.rotate(read, second, T0.plusSeconds(60))).isTrue();
    assertThat(signingKeys.rotate(read, late, T0.plusSeconds(61))).as("a stale node").isFalse();
    assertThat(signingKeys.current().key()).map(StoredSigningKey::keyId).contains("k2");
    assertThat(signingKeys.all()).extracting(StoredSigningKey::keyId).containsExactly("k2", "k1");
    assertThat(signingKeys.all().get(1).retiredAt()).contains(T0.plusSeconds(60));
  }
}
