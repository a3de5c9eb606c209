package dev.stepup.adapter.out.persistence;

import java.nio.file.Path;

/** How the embedded H2 database is opened, shared by the server and the tests. */
public final class H2Settings {

  /**
   * {@code WRITE_DELAY=0}: a commit is written to the file before it is acknowledged, so a consumed
   * single-use token stays consumed even when the process is killed right after. {@code
   * QUERY_CACHE_SIZE=64}: a request uses more distinct statements than H2's default per-connection
   * cache of 8 holds, which would re-parse every one of them. {@code RETENTION_TIME=1000}: space of
   * old versions may be reused after a second instead of 45, which with {@link H2Housekeeping}
   * keeps the file's size bounded under steady load (ADR 0018).
   */
  public static final String URL_OPTIONS =
      ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;RETENTION_TIME=1000";

  private H2Settings() {}

  /** The JDBC URL of the database file {@code stepup} in {@code dataDir}. */
  public static String url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("stepup") + URL_OPTIONS;
  }
}
