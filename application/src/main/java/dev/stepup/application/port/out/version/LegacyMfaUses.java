package dev.stepup.application.port.out.version;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.version.ApiVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Each use of action-based MFA, by day, kind and the API version the request named: what an admin
 * reads before retiring it. A use is recorded in the transaction of the request that made it.
 */
public interface LegacyMfaUses {

  /** What was used. */
  enum Kind {
    /** "is MFA required for this action?" */
    CHECK,
    /** a verification with the old "create an MFA token" flag, which issued a legacy token */
    TOKEN_ISSUED,
    /** a protected action accepted a legacy MFA token */
    TOKEN_USED
  }

  void record(EnvironmentId environmentId, LocalDate day, Kind kind, ApiVersion version);

  /** The environment's uses on {@code from} and after, counted by kind and version. */
  List<Count> countSince(EnvironmentId environmentId, LocalDate from);

  /** How many uses of one kind came with one API version. */
  record Count(Kind kind, ApiVersion version, long count) {
    public Count {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(version, "version");
    }
  }
}
