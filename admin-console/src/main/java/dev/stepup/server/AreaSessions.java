package dev.stepup.server;

import dev.stepup.server.SessionCookieAreas.Area;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The shared session store as the pages see it.
 *
 * <ul>
 *   <li>A session id is a bearer secret: the browser's cookie carries it, the table only its
 *       SHA-256 digest, so whoever reads the table cannot take over a session.
 *   <li>An id begins with the area that made it (console or hosted pages; {@link Area#newId}) and
 *       is looked up only from that area. API requests make none.
 *   <li>A session whose stored attributes can no longer be read (a class changed in an upgrade, a
 *       class outside the allow-list, damaged bytes) is deleted and not found: the browser gets a
 *       fresh session and signs in again, never an error page.
 * </ul>
 *
 * <p>The area of the request being served is set by {@link SharedSessions}' filter for the length
 * of the request; the store itself is called by that filter only.
 */
final class AreaSessions<S extends Session> implements SessionRepository<AreaSessions.Keyed<S>> {

  private static final Logger log = LoggerFactory.getLogger(AreaSessions.class);
  private static final ThreadLocal<Area> CURRENT = new ThreadLocal<>();

  /** The digest of the id being made, for the store's id generator to hand out. */
  private static final ThreadLocal<String> NEXT_STORED_ID = new ThreadLocal<>();

  private final SessionRepository<S> store;

  AreaSessions(SessionRepository<S> store) {
    this.store = store;
  }

  /** The request being served is of {@code area}; answers the area to restore after it. */
  static Area enter(Area area) {
    Area previous = CURRENT.get();
    CURRENT.set(area);
    return previous;
  }

  static void leave(Area previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  static Area current() {
    Area area = CURRENT.get();
    return area == null ? Area.HOSTED : area;
  }

  /** The store's id generator: the digest of the id just made for the browser. */
  static String nextStoredId() {
    String next = NEXT_STORED_ID.get();
    NEXT_STORED_ID.remove();
    return next != null ? next : digest(current().newId());
  }

  static String digest(String id) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public Keyed<S> createSession() {
    Area area = current();
    if (area == Area.API) {
      throw new IllegalStateException("API requests are bearer-authenticated and have no session");
    }
    String id = area.newId();
    NEXT_STORED_ID.set(digest(id));
    try {
      return new Keyed<>(id, store.createSession());
    } finally {
      NEXT_STORED_ID.remove();
    }
  }

  @Override
  public void save(Keyed<S> session) {
    store.save(session.stored);
  }

  @Override
  public Keyed<S> findById(String id) {
    if (id == null || !id.startsWith(current().prefix)) {
      return null;
    }
    S session = store.findById(digest(id));
    return session == null || !readable(session) ? null : new Keyed<>(id, session);
  }

  @Override
  public void deleteById(String id) {
    store.deleteById(digest(id));
  }

  /** Reads every attribute now, so an unreadable one fails here and not inside a page. */
  private boolean readable(S session) {
    try {
      for (String name : session.getAttributeNames()) {
        session.getAttribute(name);
      }
      return true;
    } catch (RuntimeException unreadable) {
      // The class or bytes behind an attribute changed: start over rather than fail the request.
      log.warn(
          "Dropped an HTTP session whose stored attributes could not be read ({}); the browser"
              + " starts a new one",
          unreadable.getClass().getSimpleName());
      store.deleteById(session.getId());
      return false;
    }
  }

  /** A stored session under the id the browser holds (the store knows only its digest). */
  static final class Keyed<S extends Session> implements Session {
    private String id;
    private final S stored;

    Keyed(String id, S stored) {
      this.id = id;
      this.stored = stored;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public String changeSessionId() {
      String changed = current().newId();
      NEXT_STORED_ID.set(digest(changed));
      try {
        stored.changeSessionId();
      } finally {
        NEXT_STORED_ID.remove();
      }
      id = changed;
      return changed;
    }

    @Override
    public <T> T getAttribute(String name) {
      return stored.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      stored.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      stored.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      stored.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
