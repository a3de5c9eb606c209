package dev.stepup.domain.environment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What an environment's lists of web addresses share: an entry is an absolute address on a host,
 * {@code https} (or {@code http} on a loopback host), with no user info or fragment; its origin is
 * written lower-case without a default port; a list folds blanks and duplicates and holds at most
 * {@link #MAX_ENTRIES}.
 */
final class WebAddresses {

  static final int MAX_ENTRIES = 20;
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private WebAddresses() {}

  /**
   * Normalises each non-blank entry, in the order given.
   *
   * @throws IllegalArgumentException with {@code refused} applied to the first entry that does not
   *     normalise, or {@code tooMany} past {@link #MAX_ENTRIES}
   */
  static List<String> entries(
      List<String> given,
      Function<String, Optional<String>> normalise,
      Function<String, String> refused,
      String tooMany) {
    Set<String> normalised = new LinkedHashSet<>();
    for (String raw : given) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String entry = raw.strip();
      normalised.add(
          normalise
              .apply(entry)
              .orElseThrow(() -> new IllegalArgumentException(refused.apply(abbreviate(entry)))));
    }
    if (normalised.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(tooMany);
    }
    return new ArrayList<>(normalised);
  }

  /** The address, when it is absolute, on a host, without user info or fragment. */
  static Optional<URI> parse(String value, int maxLength) {
    if (value.isEmpty() || value.length() > maxLength) {
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
    return Optional.of(uri);
  }

  /**
   * The address's origin, {@code scheme://host[:port]} lower-case without a default port, when its
   * scheme is {@code https}, or {@code http} on a loopback host.
   */
  static Optional<String> origin(URI uri) {
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
}
