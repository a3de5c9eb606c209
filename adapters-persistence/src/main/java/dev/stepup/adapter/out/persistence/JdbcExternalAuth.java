package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.externalauth.ExternalIdentities;
import dev.stepup.application.port.out.externalauth.ExternalIdentityProviders;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentity;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import dev.stepup.domain.user.UserId;
import java.net.URI;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trusted identity provider per environment ({@code external_identity_providers}) and the users
 * its subjects are ({@code external_identities}).
 */
public final class JdbcExternalAuth implements ExternalIdentityProviders, ExternalIdentities {

  private final JdbcClient jdbc;

  public JdbcExternalAuth(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ExternalIdentityProvider> find(EnvironmentId environmentId) {
    return jdbc.sql("SELECT * FROM external_identity_providers WHERE environment_id = ?")
        .param(environmentId.value())
        .query(
            (rs, n) ->
                new ExternalIdentityProvider(
                    new EnvironmentId(rs.getString("environment_id")),
                    rs.getString("issuer"),
                    URI.create(rs.getString("jwks_url")),
                    rs.getString("audience")))
        .optional();
  }

  @Override
  public void save(ExternalIdentityProvider p) {
    int updated =
        jdbc.sql(
                "UPDATE external_identity_providers SET issuer = ?, jwks_url = ?, audience = ?"
                    + " WHERE environment_id = ?")
            .params(p.issuer(), p.jwksUrl().toString(), p.audience(), p.environmentId().value())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO external_identity_providers (environment_id, issuer, jwks_url,"
                  + " audience) VALUES (?, ?, ?, ?)")
          .params(p.environmentId().value(), p.issuer(), p.jwksUrl().toString(), p.audience())
          .update();
    }
  }

  @Override
  public void remove(EnvironmentId environmentId) {
    jdbc.sql("DELETE FROM external_identity_providers WHERE environment_id = ?")
        .param(environmentId.value())
        .update();
  }

  @Override
  public Optional<ExternalIdentity> find(
      EnvironmentId environmentId, String issuer, String subject) {
    return jdbc.sql(
            "SELECT * FROM external_identities WHERE environment_id = ? AND issuer = ?"
                + " AND subject = ?")
        .params(environmentId.value(), issuer, subject)
        .query(
            (rs, n) ->
                new ExternalIdentity(
                    new EnvironmentId(rs.getString("environment_id")),
                    rs.getString("issuer"),
                    rs.getString("subject"),
                    new UserId(rs.getString("user_id")),
                    Columns.instant(rs, "linked_at")))
        .optional();
  }

  @Override
  public void link(ExternalIdentity identity) {
    jdbc.sql(
            "INSERT INTO external_identities (environment_id, issuer, subject, user_id,"
                + " linked_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            identity.environmentId().value(),
            identity.issuer(),
            identity.subject(),
            identity.userId().value(),
            at(identity.linkedAt()))
        .update();
  }
}
