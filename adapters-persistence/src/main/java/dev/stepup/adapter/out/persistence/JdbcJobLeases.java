package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.retention.JobLeases;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Job leases in {@code job_leases}: claimed and renewed with one conditional UPDATE, so of nodes
 * claiming at once exactly one gets a free or expired lease.
 */
public final class JdbcJobLeases implements JobLeases {

  private final JdbcClient jdbc;

  public JdbcJobLeases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(String job, String holder, Instant now, Duration length) {
    int claimed =
        jdbc.sql(
                "UPDATE job_leases SET holder = ?, lease_until = ? WHERE name = ? AND (holder = ?"
                    + " OR holder IS NULL OR lease_until IS NULL OR lease_until <= ?)")
            .params(holder, Columns.at(now.plus(length)), job, holder, Columns.at(now))
            .update();
    if (claimed == 1) {
      return true;
    }
    try {
      // A job without a row yet (the purge's row comes with the migration).
      return jdbc.sql("INSERT INTO job_leases (name, holder, lease_until) VALUES (?, ?, ?)")
              .params(job, holder, Columns.at(now.plus(length)))
              .update()
          == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public void release(String job, String holder) {
    jdbc.sql(
            "UPDATE job_leases SET holder = NULL, lease_until = NULL WHERE name = ? AND holder = ?")
        .params(job, holder)
        .update();
  }
}
