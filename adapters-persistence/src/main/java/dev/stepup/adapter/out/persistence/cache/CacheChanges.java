package dev.stepup.adapter.out.persistence.cache;

import java.util.function.Consumer;

/**
 * How nodes sharing one database tell each other that a cached row changed, so a session ended, a
 * key revoked or a credential removed on one node is not served from another node's memory until
 * its TTL runs out. The TTL stays the bound when news is lost.
 */
public interface CacheChanges {

  /** One node on its own: nothing to tell. */
  CacheChanges NONE =
      new CacheChanges() {
        @Override
        public void announce(String cache, String key) {}

        @Override
        public void register(String cache, Consumer<String> forgetKey, Runnable forgetAll) {}
      };

  /**
   * Tells the other nodes that entry {@code key} of {@code cache} changed; called inside the
   * change's transaction, the news leaves with its commit and never for a rollback.
   */
  void announce(String cache, String key);

  /** Lets news from other nodes drop entries of {@code cache} (all of them after news was lost). */
  void register(String cache, Consumer<String> forgetKey, Runnable forgetAll);
}
