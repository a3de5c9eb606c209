package dev.stepup.adapter.in.console;

import dev.stepup.domain.access.ApiPermission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the new-API-key form: the permissions ticked and the optional expiry date. */
final class ApiKeyForm {

  private ApiKeyForm() {}

  /**
   * @throws IllegalArgumentException when none is ticked or one is not a permission
   */
  static Set<ApiPermission> permissions(List<String> ticked) {
    if (ticked == null || ticked.isEmpty()) {
      throw new IllegalArgumentException("permissions: tick at least one permission");
    }
    Set<ApiPermission> chosen = EnumSet.noneOf(ApiPermission.class);
    for (String wire : ticked) {
      chosen.add(ApiPermission.fromWire(wire));
    }
    return chosen;
  }

  /**
   * The key stops working at the start (00:00 UTC) of the chosen date; none when left empty.
   *
   * @throws IllegalArgumentException for a value that is not a date
   */
  static Optional<Instant> expiry(String expiresOn) {
    if (expiresOn == null || expiresOn.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.parse(expiresOn.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expiry: use a date such as 2027-01-31, or none");
    }
  }
}
