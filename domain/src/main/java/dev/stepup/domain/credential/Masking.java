package dev.stepup.domain.credential;

/** Display forms of identifiers that are safe to show on screens and in lists. */
public final class Masking {

  private Masking() {}

  /** {@code alice@example.com} → {@code a••••@example.com}. */
  public static String email(String address) {
    int at = address.indexOf('@');
    if (at <= 0) {
      return "••••";
    }
    return address.charAt(0) + "••••" + address.substring(at);
  }

  /**
   * An email address or phone number as {@link #email} or {@link #phone} shows it.
   *
   * @throws IllegalArgumentException for a format that is not a contact (email or phone)
   */
  public static String contact(CredentialFormat format, String identifier) {
    return switch (format) {
      case EMAIL -> email(identifier);
      case PHONE_NUMBER -> phone(identifier);
      default -> throw new IllegalArgumentException(format.wire() + " is not a contact");
    };
  }

  /** {@code +14155550123} → {@code +1••••••0123}. */
  public static String phone(String phone) {
    if (phone.length() <= 6) {
      return "••••";
    }
    return phone.substring(0, 2)
        + "•".repeat(phone.length() - 6)
        + phone.substring(phone.length() - 4);
  }

  /** {@code 0xAbC…} → {@code 0xAbCd…1234}. */
  public static String address(String address) {
    if (address.length() < 12) {
      return address;
    }
    return address.substring(0, 6) + "…" + address.substring(address.length() - 4);
  }
}
