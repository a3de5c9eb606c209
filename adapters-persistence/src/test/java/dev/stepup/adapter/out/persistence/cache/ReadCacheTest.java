package dev.stepup.adapter.out.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What a node may serve from memory, and what it must read again. */
class ReadCacheTest {

  /** A stored value callers may change after loading it. */
  static final class Box {
    String value;

    Box(String value) {
      this.value = value;
    }
  }

  /** A cache of one node (no news from others), keyed by the strings the tests use. */
  private static ReadCache<String, Box> cache(Duration ttl, UnaryOperator<Box> copy) {
    return new ReadCache<>("boxes", ttl, 10, copy, key -> key, CacheChanges.NONE);
  }

  private final AtomicInteger loads = new AtomicInteger();
  private String stored = "v1";

  private Supplier<Optional<Box>> store() {
    return () -> {
      loads.incrementAndGet();
      return Optional.of(new Box(stored));
    };
  }

  private final ReadCache<String, Box> cache = cache(Duration.ofMinutes(1), b -> new Box(b.value));

  @AfterEach
  void endTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.getSynchronizations()
          .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
      TransactionSynchronizationManager.clearSynchronization();
    }
    TransactionSynchronizationManager.setActualTransactionActive(false);
  }

  @Test
  void aSecondReadIsServedFromMemory() {
    cache.get("k", store());
    assertThat(cache.get("k", store()).orElseThrow().value).isEqualTo("v1");
    assertThat(loads).hasValue(1);
  }

  @Test
  void aCallerChangingWhatItLoadedDoesNotChangeWhatOthersRead() {
    cache.get("k", store()).orElseThrow().value = "changed in memory, never saved";
    cache.get("k", store()).orElseThrow().value = "changed again";
    assertThat(cache.get("k", store()).orElseThrow().value).isEqualTo("v1");
  }

  @Test
  void aChangeIsReadAgainAtOnce() {
    cache.get("k", store());
    stored = "v2";
    cache.forget("k");
    assertThat(cache.get("k", store()).orElseThrow().value).isEqualTo("v2");
  }

  @Test
  void aLoadThatRacedAChangeIsNotKept() {
    Supplier<Optional<Box>> slowLoad =
        () -> {
          Optional<Box> old = store().get();
          stored = "v2"; // another thread saves while this load is on its way back
          cache.forget("k");
          return old;
        };
    assertThat(cache.get("k", slowLoad).orElseThrow().value).isEqualTo("v1");
    assertThat(cache.get("k", store()).orElseThrow().value).isEqualTo("v2");
  }

  @Test
  void whatATransactionReadsIsNeverKept() {
    TransactionSynchronizationManager.setActualTransactionActive(true);
    stored = "uncommitted";
    cache.get("k", store());
    TransactionSynchronizationManager.setActualTransactionActive(false);
    stored = "v1"; // rolled back
    assertThat(cache.get("k", store()).orElseThrow().value).isEqualTo("v1");
    assertThat(loads).hasValue(2);
  }

  @Test
  void aChangeInsideATransactionIsForgottenAgainWhenItEnds() {
    TransactionSynchronizationManager.initSynchronization();
    stored = "v2";
    cache.forget("k");
    // Between the change and its commit another thread reads the old row and caches it.
    stored = "v1";
    cache.get("k", store());
    stored = "v2";
    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    TransactionSynchronizationManager.clearSynchronization();
    assertThat(cache.get("k", store()).orElseThrow().value).isEqualTo("v2");
  }

  @Test
  void entriesExpire() throws InterruptedException {
    ReadCache<String, Box> brief = cache(Duration.ofMillis(20), b -> b);
    brief.get("k", store());
    Thread.sleep(40);
    brief.get("k", store());
    assertThat(loads).hasValue(2);
  }

  @Test
  void aZeroLifetimeReadsTheStoreEveryTime() {
    ReadCache<String, Box> off = cache(Duration.ZERO, b -> b);
    off.get("k", store());
    off.get("k", store());
    assertThat(loads).hasValue(2);
  }

  @Test
  void nothingIsKeptForAMissingRow() {
    cache.get("k", Optional::empty);
    assertThat(cache.get("k", store())).isPresent();
    assertThat(loads).hasValue(1);
  }
}
