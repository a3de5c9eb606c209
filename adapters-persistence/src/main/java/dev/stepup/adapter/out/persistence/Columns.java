package dev.stepup.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/** Conversions between column values and Java types, the same on H2 and PostgreSQL. */
final class Columns {

  private Columns() {}

  /** Instants go in as UTC offsets: both drivers map those to TIMESTAMP WITH TIME ZONE. */
  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static OffsetDateTime at(Optional<Instant> instant) {
    return at(instant.orElse(null));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(instant(rs, column));
  }

  static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] bytes(ResultSet rs, String column) throws SQLException {
    return Base64.getDecoder().decode(rs.getString(column));
  }
}
