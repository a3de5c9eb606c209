package dev.stepup.domain.environment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Where an environment lets the server send a browser back to: exact redirect URIs, or whole
 * origins (an entry with no path). Anything else is refused, so no flow can become an open
 * redirect.
 */
public final class RedirectAllowList {

  public static final int MAX_ENTRIES = WebAddresses.MAX_ENTRIES;
  private static final int MAX_LENGTH = 500;

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
    return new RedirectAllowList(
        WebAddresses.entries(
            given,
            RedirectAllowList::normalise,
            entry ->
                "not an allowed redirect URI or origin: "
                    + entry
                    + " (use https://host[:port][/path]; http only for localhost)",
            "at most " + MAX_ENTRIES + " redirect URIs or origins"));
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
    return WebAddresses.parse(value, MAX_LENGTH)
        .flatMap(
            uri ->
                WebAddresses.origin(uri)
                    .map(
                        origin -> {
                          String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                          String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                          return origin + (path.equals("/") ? "" : path) + query;
                        }));
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
