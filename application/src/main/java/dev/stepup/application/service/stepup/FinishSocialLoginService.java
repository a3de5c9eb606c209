package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginCommand;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.credential.SocialLinking;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.social.SocialLogin;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a social login comes back: finds the login by its {@code state}, checks it belongs to the
 * browser's session when the callback knows one, completes it once, then verifies the step-up
 * through the one verification path or identifies the account to link.
 */
public final class FinishSocialLoginService implements FinishSocialLoginUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final SocialLogins logins;
  private final SecretHasher hasher;
  private final SocialIdentities identities;
  private final VerifyStepUpService verification;
  private final SocialLinking linking;
  private final Clock clock;

  public FinishSocialLoginService(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialLogins logins,
      SecretHasher hasher,
      SocialIdentities identities,
      VerifyStepUpService verification,
      SocialLinking linking,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.logins = logins;
    this.hasher = hasher;
    this.identities = identities;
    this.verification = verification;
    this.linking = linking;
    this.clock = clock;
  }

  @Override
  public Outcome finish(FinishSocialLoginCommand command) {
    Instant now = clock.instant();
    SocialLogin login =
        Optional.ofNullable(command.answer().state())
            .filter(s -> !s.isEmpty() && s.length() <= SocialIdentities.MAX_ANSWER)
            .flatMap(s -> logins.findByState(hasher.digest(s)))
            .filter(l -> l.environmentId().equals(command.environmentId()))
            .filter(l -> l.provider().equals(command.provider()))
            .orElseThrow(() -> new RefusedException(RefusalReason.UNKNOWN_SOCIAL_LOGIN));
    if (command.session().filter(s -> !s.equals(login.sessionId())).isPresent()) {
      throw new RefusedException(RefusalReason.SOCIAL_LOGIN_FROM_ANOTHER_SESSION);
    }
    boolean stillAllowed =
        environments
            .find(command.environmentId())
            .filter(e -> e.allowsReturnTo(login.redirectUri()))
            .isPresent();
    if (!stillAllowed) {
      throw new RefusedException(RefusalReason.RETURN_PAGE_NOT_ALLOWED);
    }
    SessionContext context =
        new SessionContext(command.environmentId(), login.sessionId(), command.origin());
    Acting acting;
    try {
      acting = Acting.load(context, environments, sessions, users, now);
    } catch (RefusedException ended) {
      return failed(login, ended);
    }
    if (login.status(now) != SocialLogin.Status.PENDING || !logins.complete(login.id(), now)) {
      return failed(login, new RefusedException(RefusalReason.SOCIAL_LOGIN_EXPIRED));
    }
    return login.purpose() == SocialLogin.Purpose.STEP_UP
        ? stepUp(context, acting, login, command)
        : identifyForLink(context, acting, login, command);
  }

  private Outcome stepUp(
      SessionContext context, Acting acting, SocialLogin login, FinishSocialLoginCommand command) {
    IssuedElevatedToken token;
    try {
      token =
          verification.verify(
              context,
              acting,
              new Proof.SocialProof(login, command.answer(), command.callbackUri()),
              login.scopes());
    } catch (RefusedException refused) {
      return failed(login, refused);
    }
    return new Outcome(
        login.redirectUri(),
        login.sessionId(),
        Optional.of(token),
        Optional.empty(),
        Optional.empty());
  }

  private Outcome identifyForLink(
      SessionContext context, Acting acting, SocialLogin login, FinishSocialLoginCommand command) {
    try {
      OidcClient.Identity identity =
          identities.identify(acting.environment(), login, command.answer(), command.callbackUri());
      linking.ensureUnlinked(
          context, SocialLogin.credentialIdentifier(login.provider(), identity.subject()));
      logins.identify(login.id(), identity.subject(), identity.email());
    } catch (RefusedException refused) {
      return failed(login, linking.linkRefused(context, acting, refused));
    }
    return new Outcome(
        login.redirectUri(),
        login.sessionId(),
        Optional.empty(),
        Optional.of(login.id()),
        Optional.empty());
  }

  private static Outcome failed(SocialLogin login, RefusedException refused) {
    return new Outcome(
        login.redirectUri(),
        login.sessionId(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(refused));
  }
}
