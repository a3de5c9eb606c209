package dev.stepup.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A node that would not share the cluster's secrets refuses to start, saying why, before it serves
 * a request: one with no master key on the shared PostgreSQL (it would generate a key of its own),
 * one with a key other than the cluster's (it could not open what the others sealed).
 */
class StartRefusalsIT {

  @Test
  void aNodeWithoutAMasterKeyOrWithAnotherOneRefusesToStartAndSaysWhy() {
    Cluster cluster = Cluster.shared();
    Node keyless = cluster.start("refused-no-key", null);
    Node stranger = cluster.start("refused-other-key", Cluster.randomKey());

    int keylessExit = keyless.awaitExit(Duration.ofMinutes(3));
    int strangerExit = stranger.awaitExit(Duration.ofMinutes(3));

    assertThat(keylessExit).as(keyless.output()).isNotZero();
    assertThat(keyless.output())
        .contains("no master key is configured for a shared database")
        .contains("stepup.master-key (STEPUP_MASTER_KEY")
        .contains("stepup.master-key-file");
    // Refused before anything was set up: no key of its own was generated.
    assertThat(Files.exists(Path.of("target", "cluster", "refused-no-key", "master.key")))
        .isFalse();

    assertThat(strangerExit).as(stranger.output()).isNotZero();
    assertThat(stranger.output())
        .contains("The master key does not open this database")
        .contains("stepup.previous-master-keys");
    // What the cluster serves is untouched: the other key sealed nothing over the cluster's.
    assertThat(cluster.jdbc.sql("SELECT COUNT(*) FROM sealed_keys").query(Long.class).single())
        .isEqualTo(1);
  }
}
