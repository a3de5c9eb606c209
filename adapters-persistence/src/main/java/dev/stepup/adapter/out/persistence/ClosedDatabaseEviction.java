package dev.stepup.adapter.out.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Lets the server recover when the embedded H2 database closes under its pool. H2 closes the
 * database for every connection when a thread is interrupted during one of its file reads or
 * writes; its connections then answer "database has been closed" (or, from a statement already
 * under way, a general error caused by "this store is closed") forever, and the pool, which does
 * not know H2's error codes, would keep lending them out until the process restarts. On the first
 * such answer every pooled connection is retired; the next connection opens the file again, with
 * every committed change (commits are written at once, {@link H2Settings}).
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

  private static final Logger LOG = Logger.getLogger(ClosedDatabaseEviction.class.getName());

  private static final Set<Integer> CLOSED =
      Set.of(
          ErrorCode.DATABASE_IS_CLOSED,
          ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
          ErrorCode.CONNECTION_BROKEN_1);

  private final HikariDataSource pool;

  private ClosedDatabaseEviction(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Installs the rule on a pool that has not lent a connection yet. */
  public static HikariDataSource install(HikariDataSource pool) {
    pool.setExceptionOverride(new ClosedDatabaseEviction(pool));
    return pool;
  }

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    if (!closedDatabase(e)) {
      return Override.CONTINUE_EVICT;
    }
    HikariPoolMXBean connections = pool.getHikariPoolMXBean();
    if (connections != null) {
      connections.softEvictConnections();
    }
    LOG.log(Level.WARNING, "The database was closed under the pool; its connections are renewed");
    return Override.MUST_EVICT;
  }

  private static boolean closedDatabase(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (CLOSED.contains(next.getErrorCode()) || closedStore(next)) {
        return true;
      }
    }
    return false;
  }

  private static boolean closedStore(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MVStoreException store
          && store.getErrorCode() == DataUtils.ERROR_CLOSED) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
