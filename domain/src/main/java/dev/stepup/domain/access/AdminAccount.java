package dev.stepup.domain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An administrator of the console, stored with a slow password hash only and, once enrolled, an
 * authenticator-app secret (sealed by the caller) with the last time step it accepted.
 */
public record AdminAccount(
    String username, String passwordHash, Instant createdAt, Optional<AdminTotp> totp) {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  public AdminAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(totp, "totp");
    if (!validUsername(username)) {
      throw new IllegalArgumentException(
          "admin username must be 1-100 letters, digits, '.', '_', '@' or '-'");
    }
  }

  /** An admin who has not enrolled a second factor yet. */
  public AdminAccount(String username, String passwordHash, Instant createdAt) {
    this(username, passwordHash, createdAt, Optional.empty());
  }

  public static boolean validUsername(String username) {
    return username != null && USERNAME.matcher(username).matches();
  }

  /** Every admin needs a second factor before any console page. */
  public boolean secondFactorEnrolled() {
    return totp.isPresent();
  }

  public AdminAccount withPassword(String newHash) {
    return new AdminAccount(username, newHash, createdAt, totp);
  }

  /** Enrols the authenticator app, whose confirming code spent {@code acceptedStep}. */
  public AdminAccount enrolTotp(byte[] sealedSecret, long acceptedStep) {
    if (totp.isPresent()) {
      throw new IllegalStateException("a second factor is already enrolled");
    }
    return new AdminAccount(
        username, passwordHash, createdAt, Optional.of(new AdminTotp(sealedSecret, acceptedStep)));
  }

  /**
   * The authenticator secret (sealed) and the last time step a code was accepted for: a code of
   * that step or an earlier one is a replay and never accepted again.
   */
  public record AdminTotp(byte[] sealedSecret, long lastAcceptedStep) {
    public AdminTotp {
      Objects.requireNonNull(sealedSecret, "sealedSecret");
      if (sealedSecret.length == 0) {
        throw new IllegalArgumentException("sealedSecret must not be empty");
      }
      sealedSecret = sealedSecret.clone();
    }

    @Override
    public byte[] sealedSecret() {
      return sealedSecret.clone();
    }

    /** Whether a code of {@code step} may be accepted: only steps after the last accepted one. */
    public boolean accepts(long step) {
      return step > lastAcceptedStep;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AdminTotp t
          && t.lastAcceptedStep == lastAcceptedStep
          && java.util.Arrays.equals(t.sealedSecret, sealedSecret);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(sealedSecret) + Long.hashCode(lastAcceptedStep);
    }

    @Override
    public String toString() {
      return "AdminTotp[lastAcceptedStep=" + lastAcceptedStep + "]";
    }
  }
}
