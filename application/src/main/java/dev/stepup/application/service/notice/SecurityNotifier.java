package dev.stepup.application.service.notice;

import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a user about a security-relevant change on their account, by email when they have an
 * address, else by text message. Called inside the transaction of the change, so the notice is
 * queued with it and sent by the delivery worker once it commits (and never for a change that
 * rolled back); a notice that cannot be queued is logged and never undoes or refuses the change.
 * Notices name what happened and when, never a secret.
 */
public final class SecurityNotifier {

  private static final System.Logger LOG = System.getLogger(SecurityNotifier.class.getName());
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Users users;
  private final EmailSender email;
  private final SmsSender sms;
  private final Clock clock;

  public SecurityNotifier(Users users, EmailSender email, SmsSender sms, Clock clock) {
    this.users = users;
    this.email = email;
    this.sms = sms;
    this.clock = clock;
  }

  /** Notifies the user as they are now; {@code about} names the thing, e.g. "Your passkey". */
  public void notify(User user, SecurityNotice notice, String about) {
    deliver(user, notice, about, Optional.empty());
  }

  /** Notifies a user who may only be known by id (a lockout counted before anything was loaded). */
  public void notify(
      EnvironmentId environmentId, UserId userId, SecurityNotice notice, String about) {
    try {
      users.find(environmentId, userId).ifPresent(user -> notify(user, notice, about));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Security notice could not be prepared: " + notice, e);
    }
  }

  /**
   * Notifies of a credential removed from the user; a removed address or number is told too, so
   * whoever took it over cannot remove its owner silently.
   */
  public void notifyRemoved(User user, SecurityNotice notice, Credential removed) {
    deliver(user, notice, describe(removed), Optional.of(removed));
  }

  /** Words for a credential, safe to mail: its kind and its masked alias or device name. */
  public static String describe(Credential credential) {
    String kind =
        switch (credential.format()) {
          case EMAIL -> "The email address";
          case PHONE_NUMBER -> "The phone number";
          case OAUTH -> "The " + credential.type().orElse("social") + " account";
          case BLOCKCHAIN -> "The wallet";
          case PASSKEY -> "The passkey";
          case TOTP -> "The authenticator app";
        };
    return credential.alias().map(alias -> kind + " \u201c" + alias + "\u201d").orElse(kind);
  }

  /** Words for a way of verifying, e.g. "Confirming with an email code". */
  public static String describe(VerificationMethod method) {
    String words =
        switch (method) {
          case EMAIL_OTP -> "an email code";
          case SMS_OTP -> "a text message code";
          case TOTP -> "your authenticator app";
          case RECOVERY_CODE -> "a recovery code";
          case PASSKEY -> "a passkey";
          case WALLET -> "your wallet";
          case SOCIAL -> "a social login";
        };
    return "Confirming with " + words;
  }

  private void deliver(
      User user, SecurityNotice notice, String about, Optional<Credential> removed) {
    String when = WHEN.format(clock.instant());
    String body =
        notice.headline()
            + ".\n\n"
            + about
            + " "
            + notice.predicate()
            + " on "
            + when
            + ".\n\nIf this was you, there is nothing to do. If it was not, someone may have"
            + " access to your account: sign in, review your sign-in methods and remove any you"
            + " do not recognise, and contact support.\n";
    Set<Credential> recipients = new LinkedHashSet<>();
    contact(user, CredentialFormat.EMAIL)
        .or(() -> contact(user, CredentialFormat.PHONE_NUMBER))
        .ifPresent(recipients::add);
    removed
        .filter(
            c ->
                c.format() == CredentialFormat.EMAIL || c.format() == CredentialFormat.PHONE_NUMBER)
        .ifPresent(recipients::add);
    for (Credential to : recipients) {
      try {
        if (to.format() == CredentialFormat.EMAIL) {
          email.send(user.environmentId(), to.identifier(), notice.headline(), body);
        } else {
          sms.send(user.environmentId(), to.identifier(), notice.headline() + " (" + when + ").");
        }
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Security notice " + notice + " to user " + user.id().value() + " was not delivered",
            e);
      }
    }
  }

  private static Optional<Credential> contact(User user, CredentialFormat format) {
    return user.credentials().stream().filter(c -> c.format() == format).findFirst();
  }
}
