package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** OpenID Connect providers in the {@code social_providers} table. */
public final class JdbcSocialProviders implements SocialProviders {

  private final JdbcClient jdbc;

  public JdbcSocialProviders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Registration> find(EnvironmentId environmentId, String name) {
    return jdbc.sql("SELECT * FROM social_providers WHERE environment_id = ? AND name = ?")
        .params(environmentId.value(), name)
        .query((rs, n) -> new Registration(provider(rs), Columns.bytes(rs, "client_secret")))
        .optional();
  }

  @Override
  public List<SocialProvider> list(EnvironmentId environmentId) {
    return jdbc.sql("SELECT * FROM social_providers WHERE environment_id = ? ORDER BY name")
        .param(environmentId.value())
        .query((rs, n) -> provider(rs))
        .list();
  }

  @Override
  public void save(SocialProvider p, byte[] sealedClientSecret) {
    int updated =
        jdbc.sql(
                "UPDATE social_providers SET display_name = ?, issuer = ?, client_id = ?,"
                    + " client_secret = ? WHERE environment_id = ? AND name = ?")
            .params(
                p.displayName(),
                p.issuer().toString(),
                p.clientId(),
                Columns.base64(sealedClientSecret),
                p.environmentId().value(),
                p.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO social_providers (environment_id, name, display_name, issuer,"
                  + " client_id, client_secret) VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              p.environmentId().value(),
              p.name(),
              p.displayName(),
              p.issuer().toString(),
              p.clientId(),
              Columns.base64(sealedClientSecret))
          .update();
    }
  }

  private static SocialProvider provider(ResultSet rs) throws SQLException {
    return new SocialProvider(
        new EnvironmentId(rs.getString("environment_id")),
        rs.getString("name"),
        rs.getString("display_name"),
        URI.create(rs.getString("issuer")),
        rs.getString("client_id"));
  }
}
