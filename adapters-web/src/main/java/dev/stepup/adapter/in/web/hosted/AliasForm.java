package dev.stepup.adapter.in.web.hosted;

import jakarta.validation.constraints.Size;
import java.util.Optional;

/** The optional name a user gives a new authenticator app or passkey. */
record AliasForm(@Size(max = 64, message = "Use at most 64 characters.") String alias) {

  AliasForm {
    alias = alias == null ? "" : alias.strip();
  }

  Optional<String> given() {
    return Optional.of(alias).filter(a -> !a.isBlank());
  }
}
