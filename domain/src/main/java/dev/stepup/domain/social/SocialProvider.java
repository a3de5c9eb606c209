package dev.stepup.domain.social;

import dev.stepup.domain.environment.EnvironmentId;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OpenID Connect provider an environment lets users re-authenticate with.
 *
 * @param name the short name in paths and in the {@code type} of linked credentials, e.g. {@code
 *     google}
 * @param issuer the provider's issuer identifier; its discovery document is read from there
 */
public record SocialProvider(
    EnvironmentId environmentId, String name, String displayName, URI issuer, String clientId) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public SocialProvider {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "provider name: 1-40 lowercase letters, digits or dashes, e.g. google");
    }
    displayName =
        displayName == null || displayName.isBlank()
            ? name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1)
            : displayName.strip();
    Objects.requireNonNull(issuer, "issuer");
    String scheme = issuer.getScheme() == null ? "" : issuer.getScheme();
    boolean loopback = "localhost".equals(issuer.getHost()) || "127.0.0.1".equals(issuer.getHost());
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback))
        || issuer.getRawQuery() != null
        || issuer.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "provider issuer: an https URL without query or fragment (http only on localhost)");
    }
    if (clientId == null || clientId.isBlank() || clientId.length() > 255) {
      throw new IllegalArgumentException("provider client id: 1-255 characters");
    }
  }

  public static boolean isName(String candidate) {
    return candidate != null && NAME.matcher(candidate).matches();
  }
}
