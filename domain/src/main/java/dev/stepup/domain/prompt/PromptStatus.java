package dev.stepup.domain.prompt;

import java.util.Locale;

/** Where a prompt is: waiting for the user, or finished with one of three outcomes. */
public enum PromptStatus {
  PENDING,
  SUCCESS,
  CANCELLED,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this != PENDING;
  }
}
