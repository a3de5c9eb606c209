package dev.stepup.server;

import dev.stepup.server.SessionCookieAreas.Area;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The shared session store as the pages see it. A session's id begins with the area that made it
 * (console or hosted pages; {@link Area#newId}) and is found only from that area. A session whose
 * stored attributes can no longer be read (a class changed in an upgrade, bytes damaged) is deleted
 * and not found: the browser gets a fresh session and signs in again, never an error page. API
 * requests make none.
 *
 * <p>The area of the request being served is set by {@link SharedSessions}' filter for the length
 * of the request; the store itself is called by that filter only.
 */
final class AreaSessions<S extends Session> implements SessionRepository<S> {

  private static final Logger log = LoggerFactory.getLogger(AreaSessions.class);
  private static final ThreadLocal<Area> CURRENT = new ThreadLocal<>();

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

  @Override
  public S createSession() {
    Area area = current();
    if (area == Area.API) {
      throw new IllegalStateException("API requests are bearer-authenticated and have no session");
    }
    return store.createSession();
  }

  @Override
  public void save(S session) {
    store.save(session);
  }

  @Override
  public S findById(String id) {
    if (id == null || !id.startsWith(current().prefix)) {
      return null;
    }
    S session = store.findById(id);
    return session == null || !readable(session) ? null : session;
  }

  @Override
  public void deleteById(String id) {
    store.deleteById(id);
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
}
