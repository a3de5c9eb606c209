package dev.stepup.server;

import dev.stepup.server.SessionCookieAreas.Area;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP sessions (console and hosted pages) live in the database, table {@code http_sessions} (V20),
 * so consecutive requests may land on any node: Spring Session JDBC behind the servlet API, on
 * every store (H2 too: one behaviour everywhere). Cookies as before ({@link SessionCookieAreas});
 * idle timeout {@code server.servlet.session.timeout}. Attributes are Java-serialized (Spring
 * Security's context and CSRF types are made for it; ours are small records), read back only for
 * the classes of this server, the JDK and Spring Security; an unreadable session is dropped ({@link
 * AreaSessions}). Expired rows are deleted by the purge under its cluster-wide lease, so Spring's
 * own per-node cleanup is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SharedSessions {

  static final String TABLE = "http_sessions";

  /** What a stored attribute may be made of; anything else is not read. */
  static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=20;java.**;dev.stepup.**;org.springframework.security.**;!*");

  @Bean
  SessionRepository<? extends Session> sessionRepository(
      DataSource dataSource, ServerProperties server) {
    TransactionTemplate transactions =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    JdbcIndexedSessionRepository store =
        new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource), transactions);
    store.setTableName(TABLE);
    Duration idle = server.getServlet().getSession().getTimeout();
    store.setDefaultMaxInactiveInterval(idle == null ? Duration.ofMinutes(30) : idle);
    store.setCleanupCron(Scheduled.CRON_DISABLED);
    // The table keeps only the digest of the id the browser holds (AreaSessions).
    store.setSessionIdGenerator(AreaSessions::nextStoredId);
    store.setConversionService(conversions(SharedSessions.class.getClassLoader()));
    return new AreaSessions<>(store);
  }

  @Bean
  SessionRepositoryFilter<? extends Session> springSessionRepositoryFilter(
      SessionRepository<? extends Session> sessionRepository, ServerProperties server) {
    return areaFilter(sessionRepository, server);
  }

  private static <S extends Session> SessionRepositoryFilter<S> areaFilter(
      SessionRepository<S> sessions, ServerProperties server) {
    var cookie = server.getServlet().getSession().getCookie();
    SessionRepositoryFilter<S> filter =
        new SessionRepositoryFilter<>(sessions) {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            if (request.getSession(false) != null) {
              // The container attached a session already: only MockMvc tests do that (the server
              // itself never makes container sessions, every session is made here); let it be.
              chain.doFilter(request, response);
              return;
            }
            Area previous = AreaSessions.enter(Area.of(request));
            try {
              super.doFilterInternal(request, response, chain);
            } finally {
              AreaSessions.leave(previous);
            }
          }
        };
    filter.setHttpSessionIdResolver(new SessionCookieAreas(cookie.getName(), cookie.getPath()));
    return filter;
  }

  static GenericConversionService conversions(ClassLoader loader) {
    GenericConversionService conversions = new GenericConversionService();
    conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
    conversions.addConverter(
        byte[].class, Object.class, new DeserializingConverter(in -> read(in, loader)));
    return conversions;
  }

  private static Object read(InputStream in, ClassLoader loader) throws IOException {
    ObjectInputStream objects = new ConfigurableObjectInputStream(in, loader);
    objects.setObjectInputFilter(ALLOWED);
    try {
      return objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("a stored session attribute names an unknown class", e);
    }
  }
}
