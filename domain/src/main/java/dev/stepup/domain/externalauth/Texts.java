package dev.stepup.domain.externalauth;

import java.net.URI;

/** Checks shared by the settings of external authentication. */
final class Texts {

  private Texts() {}

  static String required(String value, String what, int max) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      throw new IllegalArgumentException(what + ": 1-" + max + " characters");
    }
    return value.strip();
  }

  /**
   * An https URL (http only on loopback) without user info or fragment: safe to fetch keys from.
   */
  static boolean isFetchable(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1");
    boolean transport =
        scheme.equals("https") ? !host.isEmpty() : scheme.equals("http") && loopback;
    return transport && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
  }
}
