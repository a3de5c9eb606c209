package dev.stepup.domain.prompt;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A host's request that one user's session steps up for some scopes on the hosted page, and the
 * outcome's way back. It is opened once, by its launch ticket, in one browser (which then holds a
 * visitor secret); it finishes once (success, cancelled, failed); a redirect prompt's outcome is
 * then fetched once, by its result code, by a host backend of the same environment.
 */
public final class Prompt {

  /** How long the user has, once the prompt exists, to finish it on the page. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /** What a host may ask for at once: every scope of one action, not a catalogue. */
  public static final int MAX_SCOPES = 10;

  private final PromptId id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final SessionId sessionId;
  private final Set<Scope> scopes;
  private final PromptMode mode;
  private final PromptTarget target;
  private final Instant createdAt;
  private OneTimeSecret launchTicket;
  private String visitorDigest;
  private PromptStatus status;
  private String failureReason;
  private Instant finishedAt;
  private OneTimeSecret resultCode;

  /** Rebuilds a prompt as stored. */
  public Prompt(
      PromptId id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      Set<Scope> scopes,
      PromptMode mode,
      PromptTarget target,
      Instant createdAt,
      OneTimeSecret launchTicket,
      Optional<String> visitorDigest,
      PromptStatus status,
      Optional<String> failureReason,
      Optional<Instant> finishedAt,
      Optional<OneTimeSecret> resultCode) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    if (this.scopes.isEmpty() || this.scopes.size() > MAX_SCOPES) {
      throw new IllegalArgumentException("a prompt asks for 1 to " + MAX_SCOPES + " scopes");
    }
    this.mode = Objects.requireNonNull(mode, "mode");
    this.target = Objects.requireNonNull(target, "target");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.launchTicket = Objects.requireNonNull(launchTicket, "launchTicket");
    this.visitorDigest = Objects.requireNonNull(visitorDigest, "visitorDigest").orElse(null);
    this.status = Objects.requireNonNull(status, "status");
    this.failureReason = Objects.requireNonNull(failureReason, "failureReason").orElse(null);
    this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt").orElse(null);
    this.resultCode = Objects.requireNonNull(resultCode, "resultCode").orElse(null);
    if (status.finished() != (this.finishedAt != null)) {
      throw new IllegalArgumentException("a finished prompt, and only one, has a finish time");
    }
    if (this.resultCode != null && !(target instanceof PromptTarget.Redirect)) {
      throw new IllegalArgumentException("only a redirect prompt has a result code");
    }
  }

  /** A new prompt, waiting to be opened by the launch ticket whose digest is given. */
  public static Prompt create(
      PromptId id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      Set<Scope> scopes,
      PromptMode mode,
      PromptTarget target,
      String launchTicketDigest,
      Instant now) {
    return new Prompt(
        id,
        environmentId,
        userId,
        sessionId,
        scopes,
        mode,
        target,
        now,
        OneTimeSecret.issue(launchTicketDigest, now, OneTimeSecret.LAUNCH_TICKET_LIFETIME),
        Optional.empty(),
        PromptStatus.PENDING,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Why a launch ticket does not open the page. */
  public enum LaunchRefusal {
    TICKET_EXPIRED,
    TICKET_USED,
    PROMPT_FINISHED,
    PROMPT_EXPIRED
  }

  /**
   * Opens the page with the launch ticket at {@code now}, binding the prompt to the browser that
   * holds the visitor secret whose digest is given. Answers why not, or empty when opened.
   */
  public Optional<LaunchRefusal> open(String visitorSecretDigest, Instant now) {
    Objects.requireNonNull(visitorSecretDigest, "visitorSecretDigest");
    OneTimeSecret.Verdict verdict = launchTicket.verdict(now);
    if (verdict == OneTimeSecret.Verdict.USED) {
      return Optional.of(LaunchRefusal.TICKET_USED);
    }
    if (verdict == OneTimeSecret.Verdict.EXPIRED) {
      return Optional.of(LaunchRefusal.TICKET_EXPIRED);
    }
    if (status.finished()) {
      return Optional.of(LaunchRefusal.PROMPT_FINISHED);
    }
    if (!now.isBefore(expiresAt())) {
      return Optional.of(LaunchRefusal.PROMPT_EXPIRED);
    }
    launchTicket = launchTicket.use(now);
    visitorDigest = visitorSecretDigest;
    return Optional.empty();
  }

  /** Whether the page may still work on this prompt: opened, not finished, not expired. */
  public boolean isOpen(Instant now) {
    return visitorDigest != null && !status.finished() && now.isBefore(expiresAt());
  }

  /**
   * The user verified: a success if the path they verified on satisfies the mode, else a failure
   * naming why. Answers the status it finished with.
   */
  public PromptStatus succeed(StepUpDecision.Path path, Instant now) {
    Optional<String> unsatisfied = mode.unsatisfiedBecause(path);
    if (unsatisfied.isPresent()) {
      return fail(unsatisfied.get(), now);
    }
    finish(PromptStatus.SUCCESS, null, now);
    return status;
  }

  public PromptStatus cancel(Instant now) {
    finish(PromptStatus.CANCELLED, null, now);
    return status;
  }

  public PromptStatus fail(String reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    if (!reason.matches("[a-z_]{1,64}")) {
      throw new IllegalArgumentException("a failure reason is a short snake_case word");
    }
    finish(PromptStatus.FAILED, reason, now);
    return status;
  }

  private void finish(PromptStatus outcome, String reason, Instant now) {
    if (!isOpen(now)) {
      throw new IllegalStateException("prompt " + id + " is not open");
    }
    status = outcome;
    failureReason = reason;
    finishedAt = now;
  }

  /** A redirect prompt that finished hands its outcome to the host by this code, once. */
  public void issueResultCode(String resultCodeDigest, Instant now) {
    if (!(target instanceof PromptTarget.Redirect)) {
      throw new IllegalStateException("only a redirect prompt has a result code");
    }
    if (!status.finished() || resultCode != null) {
      throw new IllegalStateException("a result code is issued once, when the prompt finished");
    }
    resultCode = OneTimeSecret.issue(resultCodeDigest, now, OneTimeSecret.RESULT_CODE_LIFETIME);
  }

  /**
   * A host backend of {@code caller} exchanges the result code at {@code now}. Answers the verdict;
   * only {@code GOOD} spends it. A backend of another environment is told nothing more than
   * "unknown", as if the code did not exist.
   */
  public Optional<OneTimeSecret.Verdict> exchange(EnvironmentId caller, Instant now) {
    if (resultCode == null || !environmentId.equals(caller)) {
      return Optional.empty();
    }
    OneTimeSecret.Verdict verdict = resultCode.verdict(now);
    if (verdict == OneTimeSecret.Verdict.GOOD) {
      resultCode = resultCode.use(now);
    }
    return Optional.of(verdict);
  }

  public Instant expiresAt() {
    return createdAt.plus(LIFETIME);
  }

  public PromptId id() {
    return id;
  }

  public EnvironmentId environmentId() {
    return environmentId;
  }

  public UserId userId() {
    return userId;
  }

  public SessionId sessionId() {
    return sessionId;
  }

  public Set<Scope> scopes() {
    return scopes;
  }

  public PromptMode mode() {
    return mode;
  }

  public PromptTarget target() {
    return target;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public OneTimeSecret launchTicket() {
    return launchTicket;
  }

  public Optional<String> visitorDigest() {
    return Optional.ofNullable(visitorDigest);
  }

  public PromptStatus status() {
    return status;
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<OneTimeSecret> resultCode() {
    return Optional.ofNullable(resultCode);
  }
}
