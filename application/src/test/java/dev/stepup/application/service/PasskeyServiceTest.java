package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.stepup.PasskeyProofChecker;
import dev.stepup.application.service.stepup.PasskeyService;
import dev.stepup.application.service.stepup.StartPasskeyStepUpService;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Passkeys against a scripted relying party: an authenticator's answer is {@code webauthnId} (to
 * register) or {@code webauthnId:counter} (to assert). The scripted party checks only what the
 * service's key lookup finds, so the service's own rules are what is tested.
 */
class PasskeyServiceTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final ScriptedRelyingParty relyingParty = new ScriptedRelyingParty();
  private final MemoryChallenges prompts = new MemoryChallenges();
  private final PasskeyService passkeys =
      new PasskeyService(
          f.environments,
          f.sessions,
          f.users,
          f.passkeys,
          prompts,
          relyingParty,
          f.recoveryCodes,
          f.hasher,
          f.tokens,
          f.guard,
          f.transactions,
          f.notifier,
          f.audit,
          f.clock);
  private final StartPasskeyStepUpService startStepUp =
      new StartPasskeyStepUpService(
          f.environments,
          f.sessions,
          f.users,
          f.passkeys,
          prompts,
          relyingParty,
          f.policy,
          f.limiter,
          f.clock);
  private final VerifyStepUpService verify =
      new VerifyStepUpService(
          f.environments,
          f.sessions,
          f.users,
          new VerifyStepUpService.Checkers(
              null,
              null,
              null,
              new PasskeyProofChecker(f.passkeys, prompts, relyingParty, f.policy, f.notifier),
              null,
              null),
          f.tokenMint,
          f.transactions,
          f.limiter,
          f.audit,
          f.clock);
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  private Optional<String> token(Scope scope) {
    return Optional.of(f.issueToken(session, scope).elevatedAccessToken());
  }

  private CredentialId register(String webauthnId) {
    PasskeyUseCase.Options options =
        passkeys.registrationOptions(session, Optional.of("Key"), token(Scope.CREDENTIAL_LINK));
    return passkeys.register(session, options.challengeId(), webauthnId).credentialId();
  }

  private void assertWith(String webauthnId, long counter) {
    PasskeyUseCase.Options options = startStepUp.start(new StartPasskeyStepUpCommand(session));
    verify.verify(
        new VerifyStepUpCommand(
            session,
            new Proof.PasskeyProof(options.challengeId(), webauthnId + ":" + counter),
            Set.of(Scope.WALLET_SIGN)));
  }

  @Test
  void aRemovedPasskeyIsNotOfferedNoLongerVerifiesAndCanBeRegisteredAgain() {
    CredentialId first = register("key-1");
    f.clock.advance(Duration.ofSeconds(1));
    register("key-2");
    assertWith("key-1", 1);

    f.credentials.unlink(
        new UnlinkCredentialUseCase.Command(session, first, token(Scope.CREDENTIAL_UNLINK)));

    startStepUp.start(new StartPasskeyStepUpCommand(session));
    assertThat(relyingParty.lastAllowed).containsExactly("key-2");
    assertThat(refusal(() -> assertWith("key-1", 2)).refusal()).isEqualTo(Refusal.PASSKEY_REJECTED);
    assertWith("key-2", 1);

    CredentialId again = register("key-1");
    assertThat(again).isNotEqualTo(first);
    assertWith("key-1", 1);
    assertThat(f.messages.to(ANN, SecurityNotice.MFA_DEVICE_ADDED.headline())).hasSize(3);
    assertThat(f.messages.to(ANN, SecurityNotice.MFA_DEVICE_REMOVED.headline())).hasSize(1);
  }

  @Test
  void aLeftoverRecordOfAPasskeyTheUserNoLongerHoldsNeverVerifies() {
    register("key-2");
    // A record whose credential is gone, as a removal before this fix would leave it.
    f.passkeys.add(
        new Passkey(
            new CredentialId("cred_stale"),
            ann.id(),
            "key-stale",
            PasskeyService.userHandle(ann.id()),
            new byte[] {1},
            0,
            "Old key",
            f.clock.instant()));

    startStepUp.start(new StartPasskeyStepUpCommand(session));
    assertThat(relyingParty.lastAllowed).containsExactly("key-2");
    relyingParty.ignoreAllowList = true;
    assertThat(refusal(() -> assertWith("key-stale", 1)).refusal())
        .isEqualTo(Refusal.PASSKEY_REJECTED);
  }

  @Test
  void aLeftoverRecordDoesNotBlockRegisteringTheAuthenticatorAgain() {
    register("key-2");
    f.passkeys.add(
        new Passkey(
            new CredentialId("cred_stale"),
            ann.id(),
            "key-stale",
            PasskeyService.userHandle(ann.id()),
            new byte[] {1},
            0,
            "Old key",
            f.clock.instant()));

    CredentialId again = register("key-stale");

    assertThat(f.passkeys.findByWebauthnId("key-stale")).map(Passkey::id).contains(again);
  }

  @Test
  void anotherUsersPasskeyCannotBeRegisteredAgain() {
    User bob = f.emailUser("bob@example.com");
    f.passkeys.add(
        new Passkey(
            new CredentialId("cred_bob"),
            bob.id(),
            "key-bob",
            PasskeyService.userHandle(bob.id()),
            new byte[] {1},
            0,
            "Bob's key",
            f.clock.instant()));

    assertThat(refusal(() -> register("key-bob")).refusal()).isEqualTo(Refusal.CREDENTIAL_IN_USE);
  }

  @Test
  void aCounterThatGoesBackIsRefusedAndTheUserIsTold() {
    register("key-1");
    assertWith("key-1", 5);

    assertThat(refusal(() -> assertWith("key-1", 3)).refusal())
        .isEqualTo(Refusal.PASSKEY_COUNTER_REGRESSED);
    assertThat(f.messages.to(ANN, SecurityNotice.PASSKEY_COUNTER_REGRESSED.headline())).hasSize(1);
  }

  /** Answers what the service asked for; verifies a key only through the service's lookup. */
  static final class ScriptedRelyingParty implements WebAuthnCeremonies {
    List<String> lastAllowed = List.of();
    boolean ignoreAllowList;

    @Override
    public Ceremony registrationOptions(
        String userHandle, String userName, String displayName, List<String> exclude) {
      return new Ceremony(userHandle, "{}");
    }

    @Override
    public NewCredential register(String request, String responseJson) {
      return new NewCredential(responseJson, new byte[] {1, 2, 3}, 0);
    }

    @Override
    public Ceremony assertionOptions(String userHandle, List<String> allowWebauthnIds) {
      lastAllowed = List.copyOf(allowWebauthnIds);
      return new Ceremony(userHandle + "|" + String.join(",", allowWebauthnIds), "{}");
    }

    @Override
    public VerifiedAssertion assertion(String request, String responseJson, KeyLookup keys) {
      String handle = request.substring(0, request.indexOf('|'));
      List<String> allowed = Arrays.asList(request.substring(request.indexOf('|') + 1).split(","));
      String id = responseJson.substring(0, responseJson.indexOf(':'));
      long counter = Long.parseLong(responseJson.substring(responseJson.indexOf(':') + 1));
      if (!ignoreAllowList && !allowed.contains(id)) {
        throw new WebAuthnFailure("unrequested credential");
      }
      if (keys.find(id, handle).isEmpty()) {
        throw new WebAuthnFailure("unknown credential");
      }
      return new VerifiedAssertion(id, counter);
    }
  }

  static final class MemoryChallenges implements PasskeyChallenges {
    private final Map<String, Pending> pending = new HashMap<>();

    @Override
    public synchronized void add(Pending p) {
      pending.put(p.id(), p);
    }

    @Override
    public synchronized Optional<Pending> take(String id) {
      return Optional.ofNullable(pending.remove(id));
    }

    @Override
    public synchronized void deleteExpiredBefore(Instant cutoff) {
      new ArrayList<>(pending.values())
          .stream()
              .filter(p -> p.expiresAt().isBefore(cutoff))
              .forEach(p -> pending.remove(p.id()));
    }
  }
}
