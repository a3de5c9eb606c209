package dev.stepup.domain.prompt;

import java.util.Objects;

/** Identifies a step-up prompt; not a secret (it appears in the hosted page's address). */
public record PromptId(String value) {
  public PromptId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("prm_[a-z0-9]{1,36}")) {
      throw new IllegalArgumentException("a prompt id looks like prm_…");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
