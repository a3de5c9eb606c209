package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.social.SocialLogin;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Links the provider account a completed link login identified, with a {@code credential:link}
 * token; an account linked to any user of the environment is refused.
 */
public final class SocialLinking implements LinkSocialAccountUseCase {

  private static final VerificationMethod METHOD = VerificationMethod.SOCIAL;

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final SocialLogins logins;
  private final AuthorizeProtectedActionUseCase guard;
  private final Audit audit;
  private final Clock clock;
  private final CredentialLinks links;

  public SocialLinking(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialLogins logins,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.logins = logins;
    this.guard = guard;
    this.audit = new Audit(auditTrail, clock);
    this.links = new CredentialLinks(users, transactions, notifier, this.audit);
    this.clock = clock;
  }

  @Override
  public Credential link(SessionContext context, String loginId, Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    SocialLogin login =
        Optional.ofNullable(loginId)
            .flatMap(logins::find)
            .filter(l -> l.environmentId().equals(context.environmentId()))
            .filter(l -> l.linkable(acting.session().id(), now))
            .orElseThrow(
                () ->
                    linkRefused(
                        context,
                        acting,
                        new RefusedException(RefusalReason.NO_SOCIAL_LOGIN_TO_LINK)));
    String subject = login.subject().orElseThrow();
    String identifier = SocialLogin.credentialIdentifier(login.provider(), subject);
    ensureUnlinked(context, identifier);
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    if (!logins.markLinked(login.id(), now)) {
      throw linkRefused(
          context, acting, new RefusedException(RefusalReason.SOCIAL_LOGIN_ALREADY_LINKED));
    }
    Credential credential =
        Credential.socialAccount(
            new CredentialId(RandomTokens.id("cred")),
            login.provider(),
            identifier,
            login.email(),
            now);
    return links.link(
        context, acting, METHOD, credential, () -> ensureUnlinked(context, identifier));
  }

  /**
   * @throws RefusedException {@code credential_in_use} when a user of the environment has linked
   *     the account
   */
  public void ensureUnlinked(SessionContext context, String identifier) {
    if (users
        .findByCredential(context.environmentId(), CredentialFormat.OAUTH, identifier)
        .isPresent()) {
      throw new RefusedException(RefusalReason.SOCIAL_ACCOUNT_IN_USE);
    }
  }

  /** Audits a refused link and answers the refusal. */
  public RefusedException linkRefused(
      SessionContext context, Acting acting, RefusedException refused) {
    return links.refused(context, acting, METHOD, refused);
  }
}
