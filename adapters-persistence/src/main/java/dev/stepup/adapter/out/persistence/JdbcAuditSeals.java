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
 * The audit chains: records wait in {@code audit_pending} (one B-tree, written in the transaction
 * they record), are numbered from {@code audit_ids}, and are stored sealed in {@code audit_events}
 * (each record's id, position, link and hash), written there once; {@code audit_chains} holds each
 * chain's head. A waiting record is stored only once, ids are numbered from the last one read, and
 * a head moves only from where the sealer read it, so two sealers can never fork a chain.
 */
public final class JdbcAuditSeals implements AuditSeals {

  /** The sealed fields after the id, in {@link SealedRecord#FIELDS} order. */
  private static final String FIELDS =
      "at, environment_id, type, outcome, user_id, session_id, scopes, method, reason, actor,"
          + " client_ip, user_agent";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public JdbcAuditSeals(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batch = new JdbcTemplate(dataSource);
  }

  @Override
  public List<Unsealed> takeUnsealed(int limit) {
    record Waiting(long pending, String chain, List<String> fieldsAfterId) {}
    List<Waiting> waiting =
        jdbc.sql(
                "SELECT seq, "
                    + FIELDS
                    + " FROM audit_pending ORDER BY seq FETCH FIRST ? ROWS ONLY")
            .param(limit)
            .query(
                (rs, n) ->
                    new Waiting(
                        rs.getLong("seq"),
                        Columns.optionalString(rs, "environment_id").orElse(""),
                        fieldsAfterId(rs)))
            .list();
    if (waiting.isEmpty()) {
      return List.of();
    }
    long last = jdbc.sql("SELECT last FROM audit_ids").query(Long.class).single();
    int numbered =
        jdbc.sql("UPDATE audit_ids SET last = ? WHERE last = ?")
            .params(last + waiting.size(), last)
            .update();
    if (numbered != 1) {
      return List.of();
    }
    List<Unsealed> taken = new ArrayList<>(waiting.size());
    for (Waiting w : waiting) {
      long id = last + taken.size() + 1;
      taken.add(new Unsealed(w.pending(), id, w.chain(), withId(id, w.fieldsAfterId())));
    }
    return taken;
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
  public boolean seal(String chain, Head from, List<Sealing> records) {
    if (records.isEmpty()) {
      return true;
    }
    int[] stored =
        batch.batchUpdate(
            "INSERT INTO audit_events (id, "
                + FIELDS
                + ", chain_seq, chain_prev, chain_hash) SELECT ?, "
                + FIELDS
                + ", ?, ?, ? FROM audit_pending WHERE seq = ?",
            records.stream()
                .map(
                    s ->
                        new Object[] {
                          s.record().id(),
                          s.record().seq(),
                          s.record().previous(),
                          s.record().hash(),
                          s.pending()
                        })
                .toList());
    int[] taken =
        batch.batchUpdate(
            "DELETE FROM audit_pending WHERE seq = ?",
            records.stream().map(s -> new Object[] {s.pending()}).toList());
    if (Arrays.stream(stored).anyMatch(count -> count != 1)
        || Arrays.stream(taken).anyMatch(count -> count != 1)) {
      return false;
    }
    SealedRecord last = records.get(records.size() - 1).record();
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
            "SELECT id, "
                + FIELDS
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
                    withId(rs.getLong("id"), fieldsAfterId(rs)),
                    rs.getString("chain_hash")))
        .list();
  }

  @Override
  public long unsealedCount(String chain) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_pending WHERE " + inChain(chain))
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

  private static List<String> withId(long id, List<String> fieldsAfterId) {
    List<String> fields = new ArrayList<>(fieldsAfterId.size() + 1);
    fields.add(Long.toString(id));
    fields.addAll(fieldsAfterId);
    return fields;
  }

  /** The sealed fields after the id, in {@link SealedRecord#FIELDS} order, as text as stored. */
  private static List<String> fieldsAfterId(ResultSet rs) throws SQLException {
    return Arrays.asList(
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
