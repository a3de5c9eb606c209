package dev.stepup.domain.scope;

/** Thrown when an admin's host scope or its rule breaks a rule; the message is for the admin. */
public final class InvalidScopeException extends IllegalArgumentException {

  public InvalidScopeException(String message) {
    super(message);
  }
}
