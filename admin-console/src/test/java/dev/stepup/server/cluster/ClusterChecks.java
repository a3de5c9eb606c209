package dev.stepup.server.cluster;

import static dev.stepup.server.cluster.ClusterUsers.introspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.server.api.ApiClient;
import java.time.Instant;

/** What the cluster's database and nodes hold, read as an operator or a verifier would. */
final class ClusterChecks {

  private final Cluster cluster;

  ClusterChecks(Cluster cluster) {
    this.cluster = cluster;
  }

  /** Audit events long past every retention, for the purge to delete one per batch. */
  void seedDeadAuditEvents(int rows) {
    cluster
        .jdbc
        .sql(
            "INSERT INTO audit_events (id, at, environment_id, type, outcome, scopes, client_ip,"
                + " user_agent) SELECT -g, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00', NULL,"
                + " 'dead', 'success', '', '127.0.0.1', 'cluster-it' FROM generate_series(1, ?) g")
        .param(rows)
        .update();
  }

  /** Waits for a purge run busy with the seeded rows; answers its lease holder. */
  String purgeHolderWhileDeadRowsRemain() {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      String holder = leaseHolder();
      if (holder != null && deadRows() > 1000) {
        return holder;
      }
      Cluster.sleep(20);
    }
    throw new AssertionError("no node took the purge lease while dead rows remained");
  }

  String leaseHolder() {
    return cluster
        .jdbc
        .sql("SELECT holder FROM job_leases WHERE name = 'purge'")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  long deadRows() {
    return count("SELECT COUNT(*) FROM audit_trail WHERE user_agent = 'cluster-it'");
  }

  /** Introspection on every node and the signature against the JWKS fetched from every node. */
  void assertVerifiesEverywhere(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    for (int n = 1; n <= Cluster.NODES; n++) {
      ApiClient node = new ApiClient(cluster.node(n).port());
      ApiClient.Answer answer = introspect(node, token, false);
      assertThat(answer.json().get("active").asBoolean()).as("active on node " + n).isTrue();
      JWKSet jwks = JWKSet.parse(node.get("/.well-known/jwks.json", null).raw().body());
      ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
      assertThat(key)
          .as("key " + jwt.getHeader().getKeyID() + " in node " + n + "'s JWKS")
          .isNotNull();
      assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
    }
  }

  static String keyId(String token) {
    try {
      return SignedJWT.parse(token).getHeader().getKeyID();
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  String currentKeyId() {
    return cluster.jdbc.sql("SELECT key_id FROM signing_key_current").query(String.class).single();
  }

  long generation() {
    return count("SELECT generation FROM signing_key_current");
  }

  long count(String sql) {
    return cluster.jdbc.sql(sql).query(Long.class).single();
  }
}
