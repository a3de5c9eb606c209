package dev.stepup.domain.environment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The web origins whose pages may call an environment's end-user endpoints from the browser (CORS)
 * and receive a popup's outcome: each {@code scheme://host[:port]} exactly, never a pattern. Empty
 * unless an admin lists some, so no other site can script the API with a user's session.
 */
public final class BrowserOrigins {

  public static final int MAX_ENTRIES = 20;
  private static final int MAX_LENGTH = 300;
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final List<String> entries;

  private BrowserOrigins(List<String> entries) {
    this.entries = List.copyOf(entries);
  }

  public static BrowserOrigins none() {
    return new BrowserOrigins(List.of());
  }

  /**
   * Parses entries, each an {@code https} origin (or {@code http} on a loopback host) with no path,
   * query, user info or wildcard; blank entries are skipped and duplicates folded.
   *
   * @throws IllegalArgumentException naming the first entry that is not an acceptable origin
   */
  public static BrowserOrigins of(List<String> given) {
    Set<String> normalised = new LinkedHashSet<>();
    for (String raw : given) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String entry = raw.strip();
      normalised.add(
          normalise(entry)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "not an allowed browser origin: "
                              + abbreviate(entry)
                              + " (use https://host[:port] with no path; http only for"
                              + " localhost)")));
    }
    if (normalised.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " browser origins");
    }
    return new BrowserOrigins(new ArrayList<>(normalised));
  }

  /** The origins in their normalised form, in the order given. */
  public List<String> entries() {
    return entries;
  }

  /**
   * Whether a page served from {@code origin} (as a browser sends it in the {@code Origin} header)
   * is one the environment lists. {@code null} and the opaque origin {@code "null"} never are.
   */
  public boolean permits(String origin) {
    if (origin == null || entries.isEmpty()) {
      return false;
    }
    return normalise(origin.strip()).map(entries::contains).orElse(false);
  }

  private static Optional<String> normalise(String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH || value.contains("*")) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String path = uri.getRawPath();
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getHost() == null
        || (path != null && !path.isEmpty() && !path.equals("/"))) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https");
    if (!secure && !(scheme.equals("http") && LOOPBACK.contains(host))) {
      return Optional.empty();
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (secure && port == 443) || (!secure && port == 80);
    return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BrowserOrigins o && o.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "BrowserOrigins" + entries;
  }
}
