package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.externalauth.AuthenticateAssertionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.externalauth.BackendClients;
import dev.stepup.application.port.out.externalauth.ClientAssertionVerifier;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier;
import dev.stepup.application.port.out.externalauth.SpentAssertions;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.externalauth.AssertionVerdict;
import dev.stepup.domain.externalauth.BackendClient;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import java.time.Clock;
import java.time.Instant;

/**
 * Authenticates a host backend by its signed assertion: the keys of the client it names in this
 * environment verify it, the domain judges its claims, and its {@code jti} is spent for good.
 */
public final class ClientAssertionService implements AuthenticateAssertionUseCase {

  private final Environments environments;
  private final BackendClients clients;
  private final ClientAssertionVerifier verifier;
  private final SpentAssertions spent;
  private final Audit audit;
  private final RefusalThrottle throttle;
  private final Clock clock;

  public ClientAssertionService(
      Environments environments,
      BackendClients clients,
      ClientAssertionVerifier verifier,
      SpentAssertions spent,
      SignInTallies tallies,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.clients = clients;
    this.verifier = verifier;
    this.spent = spent;
    this.audit = new Audit(auditTrail, clock);
    this.throttle =
        new RefusalThrottle(
            "assertion",
            AuditEventType.CLIENT_ASSERTION_REFUSED,
            "client-assertion",
            tallies,
            audit,
            clock);
    this.clock = clock;
  }

  @Override
  public Asserted authenticate(Command command) {
    if (environments.find(command.environmentId()).isEmpty()) {
      throw new NotFoundException("environment", command.environmentId());
    }
    throttle.ensureOpen(command.environmentId(), command.origin());
    ClientAssertionVerifier.Verified verified;
    BackendClient client;
    try {
      String clientId = verifier.claimedClient(command.assertion());
      // Only this environment's clients: a client of another environment is unknown here.
      client =
          clients
              .find(command.environmentId(), clientId)
              .orElseThrow(() -> refused(command, RefusalReason.ASSERTION_UNKNOWN_CLIENT));
      verified = verifier.verify(command.assertion(), client.publicKeys());
    } catch (ExternalTokenVerifier.Rejected rejected) {
      throw refused(command, reasonFor(rejected.problem()));
    }
    Instant now = clock.instant();
    if (client.judge(verified.claims(), command.audiences(), now)
        instanceof AssertionVerdict.Refused no) {
      throw refused(command, reasonFor(no.why()));
    }
    if (verified.userId().isEmpty() || verified.scopes().isEmpty()) {
      throw refused(command, RefusalReason.ASSERTION_BAD_CLAIMS).about("user_id, scopes");
    }
    if (!spent.spend(
        command.environmentId(),
        client.clientId(),
        verified.claims().jti(),
        // Kept as long as the assertion could still be accepted, clock skew included.
        verified.claims().expiresAt().orElseThrow().plus(ExternalIdentityProvider.CLOCK_SKEW),
        now)) {
      throw refused(command, RefusalReason.ASSERTION_REPLAYED);
    }
    return new Asserted(
        client.clientId(), verified.userId().get(), verified.sessionId(), verified.scopes());
  }

  /** Audits the refusal (behind the gate) and counts it against the caller's address. */
  private RefusedException refused(Command command, RefusalReason reason) {
    return throttle.refuse(command.environmentId(), command.origin(), reason, true);
  }

  private static RefusalReason reasonFor(ExternalTokenVerifier.Problem problem) {
    return switch (problem) {
      case MALFORMED -> RefusalReason.ASSERTION_MALFORMED;
      case ALGORITHM_NOT_ALLOWED -> RefusalReason.ASSERTION_ALGORITHM;
      case UNKNOWN_KEY, BAD_SIGNATURE -> RefusalReason.ASSERTION_SIGNATURE;
    };
  }

  private static RefusalReason reasonFor(AssertionVerdict.Why why) {
    return switch (why) {
      case WRONG_CLIENT -> RefusalReason.ASSERTION_WRONG_CLIENT;
      case WRONG_AUDIENCE -> RefusalReason.ASSERTION_WRONG_AUDIENCE;
      case EXPIRED -> RefusalReason.ASSERTION_EXPIRED;
      case LIVES_TOO_LONG -> RefusalReason.ASSERTION_LIVES_TOO_LONG;
      case NOT_YET_VALID -> RefusalReason.ASSERTION_NOT_YET_VALID;
      case NO_JTI -> RefusalReason.ASSERTION_NO_JTI;
    };
  }
}
