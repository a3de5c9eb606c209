package dev.stepup.domain.prompt;

import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.RedirectAllowList;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a prompt's outcome goes: back to a return address with a one-time result code (redirect),
 * or by {@code postMessage} to the window that opened it, on exactly one origin (popup).
 */
public sealed interface PromptTarget {

  /** Back to {@code returnTo}, an absolute address the environment's redirect list permits. */
  record Redirect(String returnTo) implements PromptTarget {
    public Redirect {
      Objects.requireNonNull(returnTo, "returnTo");
      if (returnTo.isBlank() || returnTo.length() > 500) {
        throw new IllegalArgumentException("returnTo must be an absolute address");
      }
    }

    /** Whether the environment's redirect list permits this address (local paths never). */
    public boolean permittedBy(RedirectAllowList redirects) {
      return redirects.permits(returnTo);
    }

    /** The return address with the outcome's query parameters added. */
    public String with(String resultCode, String status) {
      String separator = returnTo.contains("?") ? "&" : "?";
      return returnTo + separator + "code=" + resultCode + "&status=" + status;
    }
  }

  /** To the opener window on {@code origin}: {@code scheme://host[:port]}, nothing more. */
  record Popup(String origin) implements PromptTarget {
    public Popup {
      Objects.requireNonNull(origin, "origin");
      if (!origin.equals(normalised(origin).orElse(null))) {
        throw new IllegalArgumentException(
            "origin must be scheme://host[:port] in lower case, without a path or a slash");
      }
    }

    /** Whether the environment's browser origins list this one. */
    public boolean permittedBy(BrowserOrigins origins) {
      return origins.permits(origin);
    }

    /**
     * The origin as a browser writes it ({@code Origin} header, {@code event.origin}); empty when
     * {@code given} is not an http(s) origin.
     */
    public static Optional<String> normalised(String given) {
      if (given == null || given.isBlank() || given.length() > 300) {
        return Optional.empty();
      }
      URI uri;
      try {
        uri = new URI(given.strip());
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("https") && port == 443)
              || (scheme.equals("http") && port == 80);
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    }
  }
}
