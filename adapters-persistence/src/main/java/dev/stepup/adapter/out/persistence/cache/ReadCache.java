package dev.stepup.adapter.out.persistence.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache of stored aggregates for one node (ADR 0017). It hands out copies, so a
 * caller that changes what it loaded never changes what others read; it never caches what a
 * transaction reads (that may not commit) nor a load that raced a change; every change through the
 * decorated port drops the entry at once and again when its transaction ends; and entries live at
 * most {@code ttl}, which bounds how long a change made by another node can go unseen when that
 * node's news of it ({@link CacheChanges}) does not arrive.
 */
final class ReadCache<K, V> {

  private record Entry<V>(V value, long loadedAt) {}

  // Keyed by the key's text, the form news from other nodes names it in.
  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();
  private final String name;
  private final long ttlNanos;
  private final int maxEntries;
  private final UnaryOperator<V> copy;
  private final Function<K, String> keyText;
  private final CacheChanges news;

  /**
   * @param name how news between nodes names this cache
   * @param keyText a key's text, unique per key
   */
  ReadCache(
      String name,
      Duration ttl,
      int maxEntries,
      UnaryOperator<V> copy,
      Function<K, String> keyText,
      CacheChanges news) {
    this.name = name;
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.copy = copy;
    this.keyText = keyText;
    this.news = news;
    news.register(name, this::forgetNow, this::clear);
  }

  Optional<V> get(K key, Supplier<Optional<V>> load) {
    if (ttlNanos <= 0 || TransactionSynchronizationManager.isActualTransactionActive()) {
      return load.get();
    }
    long now = System.nanoTime();
    String text = keyText.apply(key);
    Entry<V> entry = entries.get(text);
    if (entry != null && now - entry.loadedAt() < ttlNanos) {
      return Optional.of(copy.apply(entry.value()));
    }
    long seen = changes.get();
    Optional<V> loaded = load.get();
    if (loaded.isPresent() && changes.get() == seen) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(text, new Entry<>(copy.apply(loaded.get()), now));
    }
    return loaded;
  }

  void forget(K key) {
    String text = keyText.apply(key);
    forgetNow(text);
    news.announce(name, text);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // A read between the change and its commit may have cached the old value again.
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              forgetNow(text);
            }
          });
    }
  }

  private void forgetNow(String key) {
    changes.incrementAndGet();
    entries.remove(key);
  }

  private void clear() {
    changes.incrementAndGet();
    entries.clear();
  }
}
