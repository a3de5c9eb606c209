package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.audit.AuditSeals;
import dev.stepup.domain.audit.AuditChain;
import dev.stepup.domain.audit.SealedRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit chains in {@code audit_events} (each record's position, link and hash) and {@code
 * audit_chains} (each chain's head). A seal is written only onto an unsealed record and moves the
 * head only from where the sealer read it, so two sealers can never fork a chain.
 */
public final class JdbcAuditSeals implements AuditSeals {

  private static final String COLUMNS =
      "id, at, environment_id, type, outcome, user_id, session_id, scopes, method, reason, actor,"
          + " client_ip, user_agent";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public JdbcAuditSeals(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batch = new JdbcTemplate(dataSource);
  }

  @Override
  public List<Unsealed> unsealed(int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit_events WHERE chain_seq IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")
        .param(limit)
        .query(
            (rs, n) ->
                new Unsealed(
                    rs.getLong("id"),
                    Columns.optionalString(rs, "environment_id").orElse(""),
                    fields(rs)))
        .list();
  }

  @Override
  public Head head(String chain) {
    return jdbc.sql("SELECT seq, hash FROM audit_chains WHERE chain = ?")
        .param(chain)
        .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
        .optional()
        .orElse(new Head(0, AuditChain.GENESIS));
  }

  @Override
  public boolean seal(String chain, Head from, List<SealedRecord> records) {
    if (records.isEmpty()) {
      return true;
    }
    int[] sealed =
        batch.batchUpdate(
            "UPDATE audit_events SET chain_seq = ?, chain_prev = ?, chain_hash = ?"
                + " WHERE id = ? AND chain_seq IS NULL",
            records.stream()
                .map(r -> new Object[] {r.seq(), r.previous(), r.hash(), r.id()})
                .toList());
    if (Arrays.stream(sealed).anyMatch(count -> count != 1)) {
      return false;
    }
    SealedRecord last = records.get(records.size() - 1);
    if (from.seq() == 0) {
      try {
        return jdbc.sql("INSERT INTO audit_chains (chain, seq, hash) VALUES (?, ?, ?)")
                .params(chain, last.seq(), last.hash())
                .update()
            == 1;
      } catch (DuplicateKeyException started) {
        return false;
      }
    }
    return jdbc.sql("UPDATE audit_chains SET seq = ?, hash = ? WHERE chain = ? AND seq = ?")
            .params(last.seq(), last.hash(), chain, from.seq())
            .update()
        == 1;
  }

  @Override
  public List<SealedRecord> sealedAfter(String chain, long afterSeq, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", chain_seq, chain_prev, chain_hash FROM audit_events WHERE "
                + inChain(chain)
                + " AND chain_seq > ? ORDER BY chain_seq FETCH FIRST ? ROWS ONLY")
        .params(chainParams(chain, afterSeq, limit))
        .query(
            (rs, n) ->
                new SealedRecord(
                    rs.getLong("id"),
                    rs.getLong("chain_seq"),
                    rs.getString("chain_prev"),
                    fields(rs),
                    rs.getString("chain_hash")))
        .list();
  }

  @Override
  public long unsealedCount(String chain) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_events WHERE " + inChain(chain) + " AND chain_seq IS NULL")
        .params(chainParams(chain))
        .query(Long.class)
        .single();
  }

  private static String inChain(String chain) {
    return chain.isEmpty() ? "environment_id IS NULL" : "environment_id = ?";
  }

  private static List<Object> chainParams(String chain, Object... more) {
    List<Object> params = new ArrayList<>();
    if (!chain.isEmpty()) {
      params.add(chain);
    }
    params.addAll(Arrays.asList(more));
    return params;
  }

  /** The sealed fields in {@link SealedRecord#FIELDS} order, as text exactly as stored. */
  private static List<String> fields(ResultSet rs) throws SQLException {
    return Arrays.asList(
        Long.toString(rs.getLong("id")),
        Columns.instant(rs, "at").toString(),
        rs.getString("environment_id"),
        rs.getString("type"),
        rs.getString("outcome"),
        rs.getString("user_id"),
        rs.getString("session_id"),
        rs.getString("scopes"),
        rs.getString("method"),
        rs.getString("reason"),
        rs.getString("actor"),
        rs.getString("client_ip"),
        rs.getString("user_agent"));
  }
}
