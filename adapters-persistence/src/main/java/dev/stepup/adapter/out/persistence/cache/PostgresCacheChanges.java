package dev.stepup.adapter.out.persistence.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * News of cache changes between nodes through PostgreSQL's {@code NOTIFY}: a change announces
 * itself in its own transaction (delivered at commit, dropped on rollback), and every node listens
 * on a connection of its own. While that connection is down the caches fall back to their TTL, and
 * once it is back every cache is emptied, since news may have been missed meanwhile.
 */
public final class PostgresCacheChanges implements CacheChanges, AutoCloseable {

  static final String CHANNEL = "stepup_cache";
  private static final Logger log = LoggerFactory.getLogger(PostgresCacheChanges.class);

  private record Listener(Consumer<String> forgetKey, Runnable forgetAll) {}

  private final JdbcClient jdbc;
  private final Callable<Connection> listeningConnection;
  private final Map<String, Listener> caches = new ConcurrentHashMap<>();
  private final Thread listener;
  private volatile boolean running = true;
  private volatile boolean listening;
  private volatile Connection current;

  /**
   * @param jdbc announces changes, in the caller's transaction when there is one
   * @param listeningConnection opens a connection kept for listening (not taken from the pool)
   */
  public PostgresCacheChanges(JdbcClient jdbc, Callable<Connection> listeningConnection) {
    this.jdbc = jdbc;
    this.listeningConnection = listeningConnection;
    this.listener = new Thread(this::listen, "cache-changes");
    listener.setDaemon(true);
  }

  public void start() {
    listener.start();
  }

  /** Whether news from other nodes is arriving now. */
  public boolean listening() {
    return listening;
  }

  @Override
  public void announce(String cache, String key) {
    try {
      jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, cache + " " + key).query().rowSet();
    } catch (DataAccessException failed) {
      if (TransactionSynchronizationManager.isActualTransactionActive()) {
        throw failed; // the change must not commit without its news
      }
      // Already committed: the other nodes see it when their entry's TTL runs out.
      log.warn(
          "Could not announce a change of {} to the other nodes: {}", cache, failed.getMessage());
    }
  }

  @Override
  public void register(String cache, Consumer<String> forgetKey, Runnable forgetAll) {
    caches.put(cache, new Listener(forgetKey, forgetAll));
  }

  private void listen() {
    while (running) {
      try (Connection connection = listeningConnection.call()) {
        current = connection;
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        caches.values().forEach(c -> c.forgetAll().run());
        listening = true;
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] arrived = postgres.getNotifications(1000);
          if (arrived != null) {
            for (PGNotification notice : arrived) {
              dispatch(notice.getParameter());
            }
          }
        }
      } catch (Exception lost) {
        listening = false;
        if (running) {
          log.warn(
              "Not hearing other nodes' cache changes (caches fall back to their TTL): {}",
              lost.getMessage());
          pause();
        }
      } finally {
        listening = false;
        current = null;
      }
    }
  }

  private void dispatch(String news) {
    int space = news.indexOf(' ');
    Listener cache = space < 0 ? null : caches.get(news.substring(0, space));
    if (cache != null) {
      cache.forgetKey().accept(news.substring(space + 1));
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    Connection open = current;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException ignored) {
        // closing to wake the listener; it ends either way
      }
    }
    listener.interrupt();
    listener.join(5000);
  }
}
