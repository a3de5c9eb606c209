package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Kind;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Pending;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.user.Acting;
import java.time.Instant;

/**
 * Pending WebAuthn prompts: the request the browser answers is kept server-side under a random id
 * for {@link PasskeyService#CEREMONY_LIFETIME}, and taken once by the session that asked for it.
 */
public final class PasskeyPrompts {

  private final PasskeyChallenges challenges;

  PasskeyPrompts(PasskeyChallenges challenges) {
    this.challenges = challenges;
  }

  PasskeyUseCase.Options remember(
      Acting acting, Kind kind, WebAuthnCeremonies.Ceremony ceremony, String alias, Instant now) {
    String id = RandomTokens.id("pkc");
    challenges.deleteExpiredBefore(now);
    challenges.add(
        new Pending(
            id,
            acting.environment().id(),
            acting.user().id(),
            acting.session().id(),
            kind,
            ceremony.request(),
            alias,
            now.plus(PasskeyService.CEREMONY_LIFETIME)));
    return new PasskeyUseCase.Options(id, ceremony.publicKeyJson());
  }

  Pending take(Acting acting, String challengeId, Kind kind, Instant now) {
    Pending pending =
        challenges
            .take(challengeId)
            .filter(p -> p.sessionId().equals(acting.session().id()))
            .filter(p -> p.kind() == kind)
            .orElseThrow(() -> new RefusedException(RefusalReason.UNKNOWN_PASSKEY_PROMPT));
    if (!now.isBefore(pending.expiresAt())) {
      throw new RefusedException(RefusalReason.PASSKEY_PROMPT_EXPIRED);
    }
    return pending;
  }
}
