package dev.stepup.domain.policy;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.AuthenticationPath;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpDecision.NotRequired;
import dev.stepup.domain.policy.StepUpDecision.Path;
import dev.stepup.domain.policy.StepUpDecision.Required;
import dev.stepup.domain.policy.VerificationPermission.Permitted;
import dev.stepup.domain.policy.VerificationPermission.Reason;
import dev.stepup.domain.policy.VerificationPermission.Refused;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.user.User;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The MFA-versus-re-auth policy: decides whether a user must step up for a scope and with what, and
 * whether a given verification may count. A user with MFA can only step up with MFA, so control of
 * a mailbox, phone or social account never bypasses their second factor.
 */
public final class StepUpPolicy {

  /**
   * Decides what {@code check} answers for a user in a session. Only a token the client presents
   * counts: one the server once issued but the client may have lost never makes step-up "not
   * required".
   *
   * @param presentedTokens the elevated tokens the client presented with the check (usually none or
   *     one), in any state; one counts only if it is of this environment, user and session, active
   *     (not expired, consumed or revoked) and grants the scope
   */
  public StepUpDecision decide(
      StepUpSettings settings,
      User user,
      Session session,
      Scope scope,
      Collection<ElevatedToken> presentedTokens,
      Instant now) {
    if (!settings.enabled()) {
      return new NotRequired(NotRequired.Why.STEP_UP_DISABLED);
    }
    Enforcement enforcement = settings.action(scope).enforcement();
    if (enforcement == Enforcement.OFF) {
      return new NotRequired(NotRequired.Why.SCOPE_NOT_PROTECTED);
    }
    if (presentsTokenFor(user, session, scope, presentedTokens, now)) {
      return new NotRequired(NotRequired.Why.VALID_TOKEN_HELD);
    }
    if (enforcement == Enforcement.MONITOR) {
      // Exactly where enforcing would require step-up: counted by the caller, not required.
      return new NotRequired(NotRequired.Why.MONITORED);
    }
    List<Credential> mfa = mfaCredentials(settings, user);
    if (!mfa.isEmpty()) {
      return new Required(
          Path.MFA,
          mfa,
          user.defaultMfaDevice(c -> settings.isEnabled(c.method())).map(Credential::id));
    }
    List<Credential> reauth = reauthCredentials(settings, user);
    if (!reauth.isEmpty()) {
      return new Required(Path.REAUTH, reauth, Optional.of(defaultReauth(reauth, session)));
    }
    return Required.withNoWayToVerify();
  }

  private static boolean presentsTokenFor(
      User user, Session session, Scope scope, Collection<ElevatedToken> tokens, Instant now) {
    return tokens.stream()
        .filter(t -> t.environmentId().equals(session.environmentId()))
        .filter(t -> t.userId().equals(user.id()))
        .filter(t -> t.sessionId().filter(session.id()::equals).isPresent())
        .anyMatch(t -> t.covers(scope, now));
  }

  /** The user's MFA devices whose method the environment enables: they put the user on MFA. */
  public List<Credential> mfaCredentials(StepUpSettings settings, User user) {
    return user.credentials().stream()
        .filter(Credential::isMfa)
        .filter(c -> settings.isEnabled(c.method()))
        .toList();
  }

  private static List<Credential> reauthCredentials(StepUpSettings settings, User user) {
    return user.credentials().stream()
        .filter(Credential::isReauthCredential)
        .filter(c -> settings.isEnabled(c.method()))
        .toList();
  }

  private static CredentialId defaultReauth(List<Credential> reauth, Session session) {
    return session
        .signInCredentialId()
        .filter(id -> reauth.stream().anyMatch(c -> c.id().equals(id)))
        .orElse(reauth.get(0).id());
  }

  /**
   * The credentials {@code method} verifies with for this user: those of the method that the user
   * holds and may step up with now. A passkey assertion, a code or a signature counts only for one
   * of these, so a credential the user removed never verifies again, whatever record is left.
   */
  public List<Credential> credentialsFor(
      StepUpSettings settings, User user, VerificationMethod method) {
    return credentialsFor(settings, user, Set.of(method));
  }

  /**
   * As {@link #credentialsFor(StepUpSettings, User, VerificationMethod)}, for any of the methods.
   */
  public List<Credential> credentialsFor(
      StepUpSettings settings, User user, Set<VerificationMethod> methods) {
    return user.credentials().stream()
        .filter(c -> methods.contains(c.method()))
        .filter(c -> permitCredential(settings, user, c) instanceof Permitted)
        .toList();
  }

  /**
   * The credential {@code method} verifies with when the user names none: the one the session
   * signed in with if the method verifies it, else the user's oldest eligible one.
   */
  public Optional<Credential> preferredCredential(
      StepUpSettings settings, User user, Session session, VerificationMethod method) {
    return preferredCredential(settings, user, session, Set.of(method));
  }

  /** As above, among the credentials any of {@code methods} verifies (codes by email or SMS). */
  public Optional<Credential> preferredCredential(
      StepUpSettings settings, User user, Session session, Set<VerificationMethod> methods) {
    List<Credential> eligible = credentialsFor(settings, user, methods);
    return session
        .signInCredentialId()
        .flatMap(id -> eligible.stream().filter(c -> c.id().equals(id)).findFirst())
        .or(() -> eligible.stream().findFirst());
  }

  /**
   * Which credential {@code methods} verify with: the one named, if it is the user's, of one of the
   * methods and permitted; else the one the session signed in with; else the user's oldest eligible
   * one. With none, the first refusal of the methods (in order) says why.
   */
  public CredentialChoice credentialFor(
      StepUpSettings settings,
      User user,
      Session session,
      List<VerificationMethod> methods,
      Optional<CredentialId> named) {
    if (named.isPresent()) {
      Optional<Credential> credential =
          user.credential(named.get()).filter(c -> methods.contains(c.method()));
      if (credential.isEmpty()) {
        return new CredentialChoice.NotOfMethod();
      }
      return permitCredential(settings, user, credential.get()) instanceof Refused refused
          ? new CredentialChoice.Refused(refused.reason())
          : new CredentialChoice.Chosen(credential.get());
    }
    Optional<Credential> preferred =
        preferredCredential(settings, user, session, Set.copyOf(methods));
    if (preferred.isPresent()) {
      return new CredentialChoice.Chosen(preferred.get());
    }
    // Say why: an MFA user is told so, not that they have no email.
    for (VerificationMethod method : methods) {
      if (permitMethod(settings, user, method) instanceof Refused refused) {
        return new CredentialChoice.Refused(refused.reason());
      }
    }
    return new CredentialChoice.Refused(Reason.NO_ELIGIBLE_CREDENTIAL);
  }

  /**
   * Whether the user may step up with {@code method} at all: the environment must enable it, a user
   * with MFA may only use MFA methods (a recovery code among them), and the user must hold a
   * credential the method can verify.
   */
  public VerificationPermission permitMethod(
      StepUpSettings settings, User user, VerificationMethod method) {
    if (!settings.isEnabled(method)) {
      return new Refused(Reason.METHOD_DISABLED);
    }
    boolean onMfaPath = !mfaCredentials(settings, user).isEmpty();
    if (method.path() == AuthenticationPath.REAUTH && onMfaPath) {
      return new Refused(Reason.MFA_REQUIRED);
    }
    if (method == VerificationMethod.RECOVERY_CODE) {
      return onMfaPath ? new Permitted() : new Refused(Reason.NO_ELIGIBLE_CREDENTIAL);
    }
    List<Credential> candidates =
        method.path() == AuthenticationPath.MFA
            ? mfaCredentials(settings, user)
            : reauthCredentials(settings, user);
    if (candidates.stream().noneMatch(c -> c.method() == method)) {
      boolean onlyEmbeddedWallets =
          method == VerificationMethod.WALLET
              && user.credentials().stream().anyMatch(Credential::isEmbeddedWallet);
      return new Refused(
          onlyEmbeddedWallets
              ? Reason.EMBEDDED_WALLET_NOT_SUPPORTED
              : Reason.NO_ELIGIBLE_CREDENTIAL);
    }
    return new Permitted();
  }

  /**
   * Whether the user may step up with this particular credential: the rules of {@link
   * #permitMethod} for its method, and the credential itself must be eligible.
   */
  public VerificationPermission permitCredential(
      StepUpSettings settings, User user, Credential credential) {
    if (user.credential(credential.id()).isEmpty()) {
      return new Refused(Reason.NO_ELIGIBLE_CREDENTIAL);
    }
    if (credential.isEmbeddedWallet()) {
      return new Refused(Reason.EMBEDDED_WALLET_NOT_SUPPORTED);
    }
    VerificationPermission forMethod = permitMethod(settings, user, credential.method());
    // A disabled method or the MFA rule outranks the credential's own eligibility; past those,
    // an ineligible credential is named as such, whatever other credentials the user holds.
    if (forMethod instanceof Refused refused
        && (refused.reason() == Reason.METHOD_DISABLED
            || refused.reason() == Reason.MFA_REQUIRED)) {
      return forMethod;
    }
    if (!credential.isMfa() && !credential.isReauthCredential()) {
      return new Refused(Reason.CREDENTIAL_NOT_ELIGIBLE);
    }
    return forMethod;
  }
}
