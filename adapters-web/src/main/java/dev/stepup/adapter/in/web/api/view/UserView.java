package dev.stepup.adapter.in.web.api.view;

import dev.stepup.domain.user.User;
import java.time.Instant;
import java.util.List;

/** A user with its credentials, as the API answers it. */
public record UserView(
    String id, List<CredentialView> credentials, boolean mfa, Instant createdAt) {

  public static UserView of(User user) {
    return new UserView(
        user.id().value(),
        user.credentials().stream().map(CredentialView::of).toList(),
        user.hasMfa(),
        user.createdAt());
  }
}
