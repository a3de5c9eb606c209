package dev.stepup.adapter.in.web.api.view;

import dev.stepup.domain.credential.Credential;
import java.util.Optional;

/** A credential the user may step up with, as {@code check} lists it. */
public record EligibleCredential(
    String id, String format, Optional<String> type, Optional<String> alias) {

  public static EligibleCredential of(Credential c) {
    return new EligibleCredential(c.id().value(), c.format().wire(), c.type(), c.alias());
  }
}
