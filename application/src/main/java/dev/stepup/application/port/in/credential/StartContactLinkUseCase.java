package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.domain.credential.CredentialFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Links an email address or phone number only once the user proves they receive it: starting (needs
 * {@code credential:link}) sends a code to the new address or number; the credential exists only
 * after that code is entered in the same session ({@link ConfirmContactLinkUseCase}). Until then
 * the address is nobody's.
 */
public interface StartContactLinkUseCase {

  PendingLink start(Command command);

  /**
   * The address or number to link, checked and normalised as at sign-up (addresses in lower case),
   * and the elevated token.
   */
  record Command(
      SessionContext context,
      CredentialFormat format,
      String value,
      Optional<String> elevatedToken) {

    public Command {
      Objects.requireNonNull(context, "context");
      if (format != CredentialFormat.EMAIL && format != CredentialFormat.PHONE_NUMBER) {
        throw new IllegalArgumentException(
            "format: only email and phoneNumber can be linked with a value");
      }
      value = normalised(context, format, value);
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }

    /**
     * @param format wire name: {@code email} or {@code phoneNumber}
     */
    public Command(
        SessionContext context, String format, String value, Optional<String> elevatedToken) {
      this(context, contactFormat(format), value, elevatedToken);
    }

    private static CredentialFormat contactFormat(String wire) {
      return CredentialFormat.fromWire(wire)
          .filter(f -> f == CredentialFormat.EMAIL || f == CredentialFormat.PHONE_NUMBER)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "format: only email and phoneNumber can be linked with a value"));
    }

    /** The sign-up validation of addresses and numbers, reused; addresses in lower case. */
    private static String normalised(SessionContext context, CredentialFormat kind, String value) {
      CreateUserCommand checked =
          new CreateUserCommand(
              context.environmentId(),
              kind == CredentialFormat.EMAIL ? Optional.ofNullable(value) : Optional.empty(),
              kind == CredentialFormat.PHONE_NUMBER ? Optional.ofNullable(value) : Optional.empty(),
              List.of(),
              false,
              context.origin());
      return kind == CredentialFormat.EMAIL
          ? checked.email().orElseThrow().toLowerCase(Locale.ROOT)
          : checked.phoneNumber().orElseThrow();
    }
  }
}
