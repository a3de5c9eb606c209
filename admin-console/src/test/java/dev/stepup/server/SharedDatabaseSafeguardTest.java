package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which configurations may let a node generate a master key of its own. */
class SharedDatabaseSafeguardTest {

  private static final String POSTGRES = "jdbc:postgresql://db:5432/stepup";

  @Test
  void aSharedDatabaseWithoutAMasterKeyIsRefusedNamingBothSettings() {
    String problem =
        SharedDatabaseSafeguard.problem(
            new MockEnvironment().withProperty("spring.datasource.url", POSTGRES));

    assertThat(problem)
        .contains("no master key is configured")
        .contains("stepup.master-key (STEPUP_MASTER_KEY")
        .contains("stepup.master-key-file")
        .doesNotContain(POSTGRES);
  }

  @Test
  void h2InServerModeIsSharedToo() {
    assertThat(
            SharedDatabaseSafeguard.problem(
                new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:h2:tcp://db/stepup")))
        .isNotNull();
  }

  @Test
  void aSharedDatabaseWithAKeyOrAKeyFileStarts() {
    assertThat(
            SharedDatabaseSafeguard.problem(
                new MockEnvironment()
                    .withProperty("spring.datasource.url", POSTGRES)
                    .withProperty("stepup.master-key", "a2V5")))
        .isNull();
    assertThat(
            SharedDatabaseSafeguard.problem(
                new MockEnvironment()
                    .withProperty("spring.datasource.url", POSTGRES)
                    .withProperty("stepup.master-key-file", "/run/secrets/master-key")))
        .isNull();
  }

  @Test
  void theEmbeddedFileKeepsItsGeneratedKey() {
    assertThat(SharedDatabaseSafeguard.problem(new MockEnvironment())).isNull();
    assertThat(
            SharedDatabaseSafeguard.problem(
                new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:h2:file:./data/stepup")))
        .isNull();
  }
}
