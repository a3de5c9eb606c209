package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.BackendClient;
import dev.stepup.domain.externalauth.ExternalIdentity;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The bring-your-own-auth tables on H2 and PostgreSQL: one provider per environment, one user per
 * (environment, issuer, subject), backend clients per environment, and each spent jti refused.
 */
class ExternalAuthRepositoriesTest {

  static final EnvironmentId ENV = new EnvironmentId("demo");
  static final EnvironmentId OTHER = new EnvironmentId("other");
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  static Stream<Arguments> databases() throws Exception {
    Path dir = Files.createTempDirectory("byoa-h2");
    return Stream.of(
        Arguments.of(
            "H2",
            new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dir), "stepup", "")),
        Arguments.of("PostgreSQL", SharedPostgres.freshDatabase()));
  }

  static JdbcClient open(DataSource dataSource) {
    Migrations.flyway(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    JdbcEnvironments environments = new JdbcEnvironments(jdbc);
    environments.save(Environment.create(ENV, "Demo"));
    environments.save(Environment.create(OTHER, "Other"));
    new JdbcUsers(jdbc).save(new User(new UserId("usr_a"), ENV, T0, List.of()));
    return jdbc;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void providersAndIdentitiesAreKeptPerEnvironment(String name, DataSource dataSource) {
    JdbcExternalAuth external = new JdbcExternalAuth(open(dataSource));
    ExternalIdentityProvider first =
        new ExternalIdentityProvider(
            ENV, "https://a.example", URI.create("https://a.example/k"), "x");
    external.save(first);
    external.save(
        new ExternalIdentityProvider(
            ENV, "https://b.example", URI.create("https://b.example/k"), "y"));
    assertThat(external.find(ENV)).hasValueSatisfying(p -> assertThat(p.audience()).isEqualTo("y"));
    assertThat(external.find(OTHER)).isEmpty();
    external.remove(ENV);
    assertThat(external.find(ENV)).isEmpty();

    external.link(new ExternalIdentity(ENV, "https://a.example", "sub-1", new UserId("usr_a"), T0));
    assertThat(external.find(ENV, "https://a.example", "sub-1"))
        .hasValueSatisfying(i -> assertThat(i.userId()).isEqualTo(new UserId("usr_a")));
    assertThat(external.find(ENV, "https://b.example", "sub-1")).isEmpty();
    assertThatThrownBy(
            () ->
                external.link(
                    new ExternalIdentity(
                        ENV, "https://a.example", "sub-1", new UserId("usr_a"), T0)))
        .isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aJtiIsSpentOnceUntilItExpires(String name, DataSource dataSource) {
    JdbcBackendClients clients = new JdbcBackendClients(open(dataSource));
    clients.save(new BackendClient(ENV, "backend", "{\"keys\":[]}", T0));
    assertThat(clients.find(ENV, "backend")).isPresent();
    assertThat(clients.find(OTHER, "backend")).isEmpty();
    assertThat(clients.list(ENV)).extracting(BackendClient::clientId).containsExactly("backend");

    Instant exp = T0.plusSeconds(120);
    assertThat(clients.spend(ENV, "backend", "j1", exp, T0)).isTrue();
    assertThat(clients.spend(ENV, "backend", "j1", exp, T0.plusSeconds(60))).isFalse();
    assertThat(clients.spend(OTHER, "backend", "j1", exp, T0)).isTrue();
    // Once expired it is forgotten: the assertion itself is refused by then.
    assertThat(clients.spend(ENV, "backend", "j1", exp.plusSeconds(300), exp.plusSeconds(1)))
        .isTrue();
    clients.remove(ENV, "backend");
    assertThat(clients.list(ENV)).isEmpty();
  }
}
