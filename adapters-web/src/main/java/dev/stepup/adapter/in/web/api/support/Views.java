package dev.stepup.adapter.in.web.api.support;

import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The JSON shapes the API answers with, shared by its resources. */
public final class Views {

  private Views() {}

  /** A credential as its owner (or the owner's host backend) sees it. */
  public record CredentialView(
      String id,
      String format,
      Optional<String> type,
      Optional<String> alias,
      Optional<String> value,
      boolean signInEnabled,
      Optional<Boolean> isDefault,
      Instant createdAt) {

    public static CredentialView of(Credential c) {
      // MFA devices have no value worth showing: their identifier is an internal handle.
      Optional<String> value = c.isMfa() ? Optional.empty() : Optional.of(c.identifier());
      Optional<Boolean> isDefault = c.isMfa() ? Optional.of(c.defaultMfa()) : Optional.empty();
      return new CredentialView(
          c.id().value(),
          c.format().wire(),
          c.type(),
          c.alias(),
          value,
          c.signInEnabled(),
          isDefault,
          c.createdAt());
    }
  }

  /** A credential the user may step up with, as {@code check} lists it. */
  public record EligibleCredential(
      String id, String format, Optional<String> type, Optional<String> alias) {

    public static EligibleCredential of(Credential c) {
      return new EligibleCredential(c.id().value(), c.format().wire(), c.type(), c.alias());
    }
  }

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

  /** What a successful verification answers. */
  public record TokenResponse(
      String elevatedAccessToken,
      String tokenId,
      List<String> scopes,
      boolean singleUse,
      Instant expiresAt) {

    public static TokenResponse of(IssuedElevatedToken issued) {
      return new TokenResponse(
          issued.elevatedAccessToken(),
          issued.tokenId().value(),
          wire(issued.scopes()),
          issued.singleUse(),
          issued.expiresAt());
    }

    @Override
    public String toString() {
      return "TokenResponse[tokenId=" + tokenId + "]";
    }
  }

  /** Scopes in their wire form, in a stable order. */
  public static List<String> wire(Collection<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::wire).toList();
  }
}
