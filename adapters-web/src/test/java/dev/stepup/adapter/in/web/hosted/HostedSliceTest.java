package dev.stepup.adapter.in.web.hosted;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.stepup.adapter.in.web.WebSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginCommand;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.Outcome;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the hosted pages' slice tests share: a signed-in browser (the session cookie the pages
 * read), the user behind it, and a token a verification issues.
 */
abstract class HostedSliceTest extends WebSliceTest {

  static final String WALLET = "/hosted/demo/wallet";
  static final String ACCOUNT = "/hosted/demo/account";

  /**
   * The cookie of an active session of {@code usr_1}; return addresses on this site are allowed.
   */
  Cookie signedIn(Credential... owned) {
    when(authenticate.session(DEMO, "good-session")).thenReturn(Optional.of(session()));
    User user = user(owned);
    when(getUser.get(eq(DEMO), any(UserId.class))).thenReturn(user);
    when(signedInUser.me(any())).thenReturn(user);
    when(returnAddresses.permits(eq(DEMO), anyString())).thenReturn(true);
    return new Cookie(HostedSessions.COOKIE, "good-session");
  }

  /**
   * The demo environment's {@code google} login ends in {@code outcome}, with the refusal {@link
   * dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase} promises when the callback's
   * browser session (the command's) is not the one that started the login.
   */
  void socialLoginEnds(Outcome outcome) {
    when(finishSocialLogin.finish(
            argThat(
                command ->
                    command.environmentId().equals(DEMO) && command.provider().equals("google"))))
        .thenAnswer(
            call -> {
              FinishSocialLoginCommand command = call.getArgument(0);
              if (command.session().filter(s -> !s.equals(outcome.sessionId())).isPresent()) {
                throw new RefusedException(RefusalReason.SOCIAL_LOGIN_FROM_ANOTHER_SESSION);
              }
              return outcome;
            });
  }

  static User user(Credential... credentials) {
    return new User(new UserId("usr_1"), DEMO, NOW, List.of(credentials));
  }

  static Credential email() {
    return credential(
        "crd_email", CredentialFormat.EMAIL, "ann@example.com", null, "a••@example.com");
  }

  static Credential totp() {
    return credential("crd_totp", CredentialFormat.TOTP, "totp", null, "Phone");
  }

  static Credential passkey() {
    return credential("crd_passkey", CredentialFormat.PASSKEY, "pk", null, "Laptop");
  }

  static Credential credential(
      String id, CredentialFormat format, String identifier, String type, String alias) {
    return new Credential(
        new CredentialId(id),
        format,
        identifier,
        Optional.ofNullable(type),
        Optional.ofNullable(alias),
        format == CredentialFormat.EMAIL,
        NOW,
        false);
  }

  static IssuedElevatedToken token(Scope scope) {
    return new IssuedElevatedToken(
        "eat_secret",
        new ElevatedTokenId("tok_1"),
        Set.of(scope),
        true,
        NOW.plus(Duration.ofMinutes(5)));
  }
}
