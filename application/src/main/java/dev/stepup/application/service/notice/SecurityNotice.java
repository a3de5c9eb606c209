package dev.stepup.application.service.notice;

/** A security-relevant change the user is told about, whoever made it. */
public enum SecurityNotice {
  MFA_DEVICE_ADDED("A new sign-in device was added to your account", "was added"),
  MFA_DEVICE_REMOVED("A sign-in device was removed from your account", "was removed"),
  DEFAULT_MFA_CHANGED("Your default sign-in device changed", "is now the device offered first"),
  CREDENTIAL_LINKED("A new way to sign in was linked to your account", "was linked"),
  CREDENTIAL_UNLINKED("A way to sign in was removed from your account", "was unlinked"),
  RECOVERY_CODES_REGENERATED(
      "New recovery codes were created for your account",
      "replaced all earlier recovery codes, which no longer work"),
  RECOVERY_CODE_USED("A recovery code was used on your account", "was used to confirm an action"),
  MFA_RESET_BY_ADMIN(
      "An administrator reset your account's two-step verification",
      "were removed by an administrator"),
  LOCKED_OUT(
      "Too many failed attempts to confirm an action on your account",
      "is paused after too many wrong attempts"),
  CODE_REPLAYED(
      "A code that was already used was entered again on your account",
      "was entered again after it had been used"),
  PASSKEY_COUNTER_REGRESSED(
      "A passkey on your account may have been copied",
      "answered with a signature counter lower than before, which is what a cloned key does;"
          + " the attempt was refused");

  private final String headline;
  private final String predicate;

  SecurityNotice(String headline, String predicate) {
    this.headline = headline;
    this.predicate = predicate;
  }

  /** The subject line and first sentence. */
  public String headline() {
    return headline;
  }

  /** Completes a sentence whose subject is what the notice is about. */
  public String predicate() {
    return predicate;
  }
}
