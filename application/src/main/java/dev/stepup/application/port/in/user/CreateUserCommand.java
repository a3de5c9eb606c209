package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The new user's sign-in email and phone, external wallet addresses, and whether to create a
 * server-held demo wallet. At least one credential is needed.
 */
public record CreateUserCommand(
    EnvironmentId environmentId,
    Optional<String> email,
    Optional<String> phoneNumber,
    List<String> externalWallets,
    boolean embeddedWallet,
    RequestOrigin origin) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  public CreateUserCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    externalWallets = List.copyOf(Objects.requireNonNull(externalWallets, "externalWallets"));
    Objects.requireNonNull(origin, "origin");
    email = email.map(String::strip);
    if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
      throw new IllegalArgumentException("email: not an email address");
    }
    phoneNumber = phoneNumber.map(p -> p.replace(" ", "").replace("-", ""));
    if (phoneNumber.isPresent() && !PHONE.matcher(phoneNumber.get()).matches()) {
      throw new IllegalArgumentException(
          "phoneNumber: use the international E.164 form, e.g. +14155550123");
    }
    for (String address : externalWallets) {
      if (!ADDRESS.matcher(address).matches()) {
        throw new IllegalArgumentException(
            "externalWallets: '" + address + "' is not a 0x-prefixed 20-byte hex address");
      }
    }
    if (email.isEmpty() && phoneNumber.isEmpty() && externalWallets.isEmpty() && !embeddedWallet) {
      throw new IllegalArgumentException(
          "email: a user needs at least one of email, phoneNumber, externalWallets,"
              + " embeddedWallet");
    }
  }
}
