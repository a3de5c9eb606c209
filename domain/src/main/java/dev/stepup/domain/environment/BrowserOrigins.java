package dev.stepup.domain.environment;

import java.util.List;
import java.util.Optional;

/**
 * The web origins whose pages may call an environment's end-user endpoints from the browser (CORS)
 * and receive a popup's outcome: each {@code scheme://host[:port]} exactly, never a pattern. Empty
 * unless an admin lists some, so no other site can script the API with a user's session.
 */
public final class BrowserOrigins {

  public static final int MAX_ENTRIES = WebAddresses.MAX_ENTRIES;
  private static final int MAX_LENGTH = 300;

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
    return new BrowserOrigins(
        WebAddresses.entries(
            given,
            BrowserOrigins::normalise,
            entry ->
                "not an allowed browser origin: "
                    + entry
                    + " (use https://host[:port] with no path; http only for localhost)",
            "at most " + MAX_ENTRIES + " browser origins"));
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
    if (value.contains("*")) {
      return Optional.empty();
    }
    return WebAddresses.parse(value, MAX_LENGTH)
        .filter(uri -> uri.getRawQuery() == null)
        .filter(
            uri ->
                uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/"))
        .flatMap(WebAddresses::origin);
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
