package dev.stepup.adapter.out.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the embedded H2 file from growing without bound (ADR 0018). With {@code WRITE_DELAY=0}
 * every commit is written at once, which also stops H2's own background housekeeping; the pages a
 * commit leaves behind then stay scattered over partly-live chunks that are never rewritten. This
 * rewrites those chunks, as H2's housekeeping would, so their space is reused.
 */
public final class H2Housekeeping {

  private static final Logger LOG = Logger.getLogger(H2Housekeeping.class.getName());

  /** Chunks less full than this are rewritten. */
  static final int TARGET_FILL_RATE = 80;

  /**
   * At most this many bytes are rewritten per run: a run holds H2's store lock, stalling commits.
   */
  static final int WRITE_LIMIT = 1024 * 1024;

  private final DataSource dataSource;

  public H2Housekeeping(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Rewrites sparse chunks; answers whether anything was rewritten (false for other databases). */
  public boolean run() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isWrapperFor(JdbcConnection.class)) {
        return false;
      }
      JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
      if (!(h2.getSession() instanceof SessionLocal local)) {
        return false; // a remote H2 server keeps its own house
      }
      MVStore store = local.getDatabase().getStore().getMvStore();
      return store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "H2 housekeeping did not run", e);
      return false;
    }
  }
}
