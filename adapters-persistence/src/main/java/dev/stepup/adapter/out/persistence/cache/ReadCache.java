package dev.stepup.adapter.out.persistence.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache of stored aggregates for one node (ADR 0017). It hands out copies, so a
 * caller that changes what it loaded never changes what others read; it never caches what a
 * transaction reads (that may not commit) nor a load that raced a change; every change through the
 * decorated port drops the entry at once and again when its transaction ends; and entries live at
 * most {@code ttl}, which bounds how long a change made by another node can go unseen.
 */
final class ReadCache<K, V> {

  private record Entry<V>(V value, long loadedAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();
  private final long ttlNanos;
  private final int maxEntries;
  private final UnaryOperator<V> copy;

  ReadCache(Duration ttl, int maxEntries, UnaryOperator<V> copy) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.copy = copy;
  }

  Optional<V> get(K key, Supplier<Optional<V>> load) {
    if (ttlNanos <= 0 || TransactionSynchronizationManager.isActualTransactionActive()) {
      return load.get();
    }
    long now = System.nanoTime();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.loadedAt() < ttlNanos) {
      return Optional.of(copy.apply(entry.value()));
    }
    long seen = changes.get();
    Optional<V> loaded = load.get();
    if (loaded.isPresent() && changes.get() == seen) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(key, new Entry<>(copy.apply(loaded.get()), now));
    }
    return loaded;
  }

  void forget(K key) {
    forgetNow(key);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // A read between the change and its commit may have cached the old value again.
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              forgetNow(key);
            }
          });
    }
  }

  void forgetAll() {
    changes.incrementAndGet();
    entries.clear();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              changes.incrementAndGet();
              entries.clear();
            }
          });
    }
  }

  private void forgetNow(K key) {
    changes.incrementAndGet();
    entries.remove(key);
  }
}
