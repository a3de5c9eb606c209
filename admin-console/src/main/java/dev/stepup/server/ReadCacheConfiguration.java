package dev.stepup.server;

import dev.stepup.adapter.out.persistence.JdbcApiKeys;
import dev.stepup.adapter.out.persistence.JdbcEnvironments;
import dev.stepup.adapter.out.persistence.JdbcSessions;
import dev.stepup.adapter.out.persistence.JdbcUsers;
import dev.stepup.adapter.out.persistence.cache.CacheChanges;
import dev.stepup.adapter.out.persistence.cache.CachedApiKeys;
import dev.stepup.adapter.out.persistence.cache.CachedEnvironments;
import dev.stepup.adapter.out.persistence.cache.CachedSessions;
import dev.stepup.adapter.out.persistence.cache.CachedUsers;
import dev.stepup.adapter.out.persistence.cache.PostgresCacheChanges;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import java.sql.DriverManager;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read-mostly rows every request looks up — environments, users, sessions, API keys — read
 * through per-node caches (ADR 0017) that hear of other nodes' changes on PostgreSQL (ADR 0025).
 */
@Configuration(proxyBeanMethods = false)
class ReadCacheConfiguration {

  /**
   * How long a node may serve an environment, user, session or API key from memory before reading
   * it again (ADR 0017): it bounds how long a change made on another node goes unseen; 0 reads the
   * database every time.
   */
  @Bean
  CacheSettings cacheSettings(@Value("${stepup.cache.ttl:2s}") Duration ttl) {
    return new CacheSettings(ttl);
  }

  /** See {@link #cacheSettings}. */
  record CacheSettings(Duration ttl) {}

  /**
   * On PostgreSQL (several nodes may share it) each change to a cached row is announced to the
   * other nodes, which drop their copy at once instead of after the TTL; H2 has one node.
   */
  @Bean // closed by Spring (close() is inferred) when it listens
  CacheChanges cacheChanges(DataSourceProperties properties, JdbcClient jdbc) {
    String url = properties.getUrl();
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return CacheChanges.NONE;
    }
    PostgresCacheChanges changes =
        new PostgresCacheChanges(
            jdbc,
            () ->
                DriverManager.getConnection(
                    url, properties.determineUsername(), properties.determinePassword()));
    changes.start();
    return changes;
  }

  @Bean
  Environments environments(JdbcClient jdbc, CacheSettings cache, CacheChanges news) {
    return new CachedEnvironments(new JdbcEnvironments(jdbc), cache.ttl(), news);
  }

  @Bean
  Users users(JdbcClient jdbc, CacheSettings cache, CacheChanges news) {
    return new CachedUsers(new JdbcUsers(jdbc), cache.ttl(), news);
  }

  @Bean
  Sessions sessions(JdbcClient jdbc, CacheSettings cache, CacheChanges news) {
    return new CachedSessions(new JdbcSessions(jdbc), cache.ttl(), news);
  }

  @Bean
  ApiKeys apiKeys(JdbcClient jdbc, CacheSettings cache, CacheChanges news) {
    return new CachedApiKeys(new JdbcApiKeys(jdbc), cache.ttl(), news);
  }
}
