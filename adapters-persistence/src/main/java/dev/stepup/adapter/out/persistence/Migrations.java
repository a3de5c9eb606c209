package dev.stepup.adapter.out.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/** Where the schema's migrations are: one list for the server, the tools and the tests. */
public final class Migrations {

  /**
   * SQL scripts, and Java migrations for changes only one of the databases gets (they live with the
   * rest of the JDBC code, not in Flyway's default package).
   */
  public static final List<String> LOCATIONS =
      List.of("classpath:db/migration", "classpath:dev/stepup/adapter/out/persistence/migration");

  private Migrations() {}

  /** For the server: Spring Boot's Flyway looks in these locations. */
  public static FlywayConfigurationCustomizer locations() {
    return flyway -> flyway.locations(LOCATIONS.toArray(String[]::new));
  }

  /** Flyway on the given database with these locations and its defaults otherwise. */
  public static FluentConfiguration flyway(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations(LOCATIONS.toArray(String[]::new));
  }
}
