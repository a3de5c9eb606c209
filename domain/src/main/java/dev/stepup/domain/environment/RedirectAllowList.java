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
 * Where an environment lets the server send a browser back to: exact redirect URIs, or whole
 * origins (an entry with no path). Anything else is refused, so no flow can become an open
 * redirect.
 */
public final class RedirectAllowList {

  public static final int MAX_ENTRIES = 20;
  private static final int MAX_LENGTH = 500;
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final List<String> entries;

  private RedirectAllowList(List<String> entries) {
    this.entries = List.copyOf(entries);
  }

  public static RedirectAllowList none() {
    return new RedirectAllowList(List.of());
  }

  /**
   * Parses entries, each an absolute {@code https} URI (or {@code http} on a loopback host) without
   * user info or fragment; blank entries are skipped and duplicates folded.
   *
   * @throws IllegalArgumentException naming the first entry that is not acceptable
   */
  public static RedirectAllowList of(List<String> given) {
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
                          "not an allowed redirect URI or origin: "
                              + abbreviate(entry)
                              + " (use https://host[:port][/path]; http only for localhost)")));
    }
    if (normalised.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " redirect URIs or origins");
    }
    return new RedirectAllowList(new ArrayList<>(normalised));
  }

  /** The entries in their normalised form, as given order. */
  public List<String> entries() {
    return entries;
  }

  /**
   * Whether a browser may be sent to {@code candidate}: it equals an entry exactly, or its origin
   * is an origin entry.
   */
  public boolean permits(String candidate) {
    if (candidate == null) {
      return false;
    }
    Optional<String> target = normalise(candidate.strip());
    if (target.isEmpty()) {
      return false;
    }
    String origin = originOf(target.get());
    return entries.stream()
        .anyMatch(e -> e.equals(target.get()) || (isOrigin(e) && e.equals(origin)));
  }

  /**
   * A path on this server to return to: starts with one slash, and names no other host (no {@code
   * //}, no backslash, no scheme, no control characters).
   */
  public static boolean isLocalPath(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      return false;
    }
    if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    try {
      URI uri = new URI(candidate);
      return uri.getScheme() == null && uri.getRawAuthority() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isOrigin(String entry) {
    return entry.equals(originOf(entry));
  }

  private static String originOf(String normalised) {
    URI uri = URI.create(normalised);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static Optional<String> normalise(String value) {
    if (value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null
        || uri.getHost() == null) {
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
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.equals("/")) {
      path = "";
    }
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query);
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedirectAllowList o && o.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "RedirectAllowList" + entries;
  }
}
