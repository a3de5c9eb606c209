package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.externalauth.ExternalIdentities;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentity;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import dev.stepup.domain.externalauth.ExternalTokenClaims;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The user an external (issuer, subject) is: found, or created on first sight with the contacts the
 * provider verified — never one another user of the environment already has, so a provider cannot
 * take over an existing account by naming its address.
 */
public final class ExternalUsers {

  /** The user, and whether this exchange created them. */
  public record Resolved(UserId userId, boolean created) {}

  private final Users users;
  private final ExternalIdentities identities;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public ExternalUsers(
      Users users,
      ExternalIdentities identities,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.users = users;
    this.identities = identities;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  Resolved resolve(
      ExternalIdentityProvider provider, ExternalTokenClaims claims, RequestOrigin origin) {
    EnvironmentId environmentId = provider.environmentId();
    Optional<ExternalIdentity> known =
        identities.find(environmentId, claims.issuer(), claims.subject());
    if (known.isPresent()) {
      return new Resolved(known.get().userId(), false);
    }
    Optional<String> email =
        claims
            .verifiedEmail()
            .map(e -> e.toLowerCase(Locale.ROOT))
            .filter(e -> free(environmentId, CredentialFormat.EMAIL, e));
    Optional<String> phone =
        claims
            .verifiedPhoneNumber()
            .filter(p -> free(environmentId, CredentialFormat.PHONE_NUMBER, p));
    Instant now = clock.instant();
    UserId userId = new UserId(RandomTokens.id("usr"));
    List<Credential> credentials = new ArrayList<>();
    // Distinct creation instants keep the order: email, then phone.
    email.ifPresent(
        e -> credentials.add(Credential.contact(newId(), CredentialFormat.EMAIL, e, true, now)));
    phone.ifPresent(
        p ->
            credentials.add(
                Credential.contact(
                    newId(), CredentialFormat.PHONE_NUMBER, p, true, now.plusMillis(1))));
    // A provider may vouch for no contact at all: the user then has no credential yet, which
    // the host's own sign-up never allows but an external identity does.
    User user = new User(userId, environmentId, now, credentials);
    try {
      transactions.inTransaction(
          () -> {
            users.save(user);
            identities.link(
                new ExternalIdentity(
                    environmentId, claims.issuer(), claims.subject(), userId, now));
          });
      audit
          .event(AuditEventType.USER_CREATED, environmentId, origin)
          .user(userId)
          .actor(TokenExchangeService.METHOD)
          .success(TokenExchangeService.METHOD + " " + claims.issuer());
      return new Resolved(userId, true);
    } catch (RuntimeException raced) {
      // Two first exchanges at once: the other one linked the subject; its user is the one.
      return identities
          .find(environmentId, claims.issuer(), claims.subject())
          .map(identity -> new Resolved(identity.userId(), false))
          .orElseThrow(() -> raced);
    }
  }

  private static CredentialId newId() {
    return new CredentialId(RandomTokens.id("cred"));
  }

  private boolean free(EnvironmentId environmentId, CredentialFormat format, String identifier) {
    return users.findByCredential(environmentId, format, identifier).isEmpty();
  }
}
