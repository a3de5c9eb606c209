package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.prompt.CreatePromptCommand;
import dev.stepup.application.port.in.prompt.CreatePromptUseCase.CreatedPrompt;
import dev.stepup.application.port.in.prompt.ExchangeResultCodeUseCase;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase.Ending;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase.PromptOutcome;
import dev.stepup.application.port.in.prompt.OpenPromptUseCase;
import dev.stepup.application.port.in.prompt.PromptToken;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.RedirectAllowList;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, opening, finishing prompts and exchanging their result codes. */
class PromptServicesTest {

  private static final String RETURN = "https://app.example.com/stepped-up";
  private static final Set<Scope> SCOPES = Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);

  @BeforeEach
  void allowTheHostsReturnAddress() {
    Environment env = f.environments.find(ENV).orElseThrow();
    env.allowRedirects(RedirectAllowList.of(List.of(RETURN)));
    env.allowBrowserOrigins(BrowserOrigins.of(List.of("https://app.example.com")));
    f.environments.save(env);
  }

  private CreatedPrompt create(PromptMode mode, PromptTarget target) {
    return f.createPrompt.create(
        new CreatePromptCommand(
            ENV, session.sessionId(), Optional.of(ann.id()), SCOPES, mode, target, Fixture.ORIGIN));
  }

  private CreatedPrompt redirectPrompt(PromptMode mode) {
    return create(mode, new PromptTarget.Redirect(RETURN));
  }

  private OpenPromptUseCase.OpenedPrompt open(CreatedPrompt created) {
    return f.openPrompt.open(
        new OpenPromptUseCase.Command(ENV, created.launchTicket(), Fixture.ORIGIN));
  }

  private PromptOutcome finish(OpenPromptUseCase.OpenedPrompt opened, Ending ending) {
    return f.finishPrompt.finish(
        new FinishPromptUseCase.Command(
            ENV, opened.promptId(), opened.visitorSecret(), ending, Fixture.ORIGIN));
  }

  private Ending verified() {
    IssuedElevatedToken issued =
        f.stepUpWithEmail(session, "ann@example.com", SCOPES.toArray(Scope[]::new));
    return new Ending.Verified(
        List.of(
            new PromptToken(
                issued.elevatedAccessToken(),
                issued.scopes(),
                issued.singleUse(),
                issued.expiresAt())));
  }

  private ExchangeResultCodeUseCase.PromptResult exchange(
      dev.stepup.domain.environment.EnvironmentId env, String code) {
    return f.exchangeResultCode.exchange(
        new ExchangeResultCodeUseCase.Command(env, code, Fixture.ORIGIN));
  }

  @Test
  void aRedirectPromptEndsWithACodeTheHostExchangesOnceForTheToken() {
    CreatedPrompt created = redirectPrompt(PromptMode.ANY);
    assertThat(created.ticketExpiresAt()).isEqualTo(f.clock.instant().plusSeconds(120));
    assertThat(f.lastEvent(AuditEventType.PROMPT_CREATED).userId()).contains(ann.id());
    OpenPromptUseCase.OpenedPrompt opened = open(created);
    Ending verified = verified();

    PromptOutcome outcome = finish(opened, verified);

    assertThat(outcome.status()).isEqualTo(PromptStatus.SUCCESS);
    assertThat(outcome.tokens()).as("a redirect never carries tokens").isEmpty();
    String code = outcome.resultCode().orElseThrow();
    var result = exchange(ENV, code);
    assertThat(result.status()).isEqualTo(PromptStatus.SUCCESS);
    assertThat(result.tokens())
        .extracting(PromptToken::elevatedAccessToken)
        .containsExactly(((Ending.Verified) verified).tokens().get(0).elevatedAccessToken());
    assertThat(result.tokens().get(0).scopes()).isEqualTo(SCOPES);
    assertThat(f.lastEvent(AuditEventType.PROMPT_RESULT_EXCHANGED).outcome().name())
        .isEqualTo("SUCCESS");
    assertThat(refusal(() -> exchange(ENV, code)).reason())
        .isEqualTo(RefusalReason.RESULT_CODE_USED);
  }

  @Test
  void anotherEnvironmentsBackendCannotExchangeTheCode() {
    OpenPromptUseCase.OpenedPrompt opened = open(redirectPrompt(PromptMode.ANY));
    String code = finish(opened, verified()).resultCode().orElseThrow();
    var refused = refusal(() -> exchange(OTHER_ENV, code));
    assertThat(refused.reason()).isEqualTo(RefusalReason.UNKNOWN_RESULT_CODE);
    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_RESULT_CODE);
    assertThat(exchange(ENV, code).status())
        .as("still good for its own")
        .isEqualTo(PromptStatus.SUCCESS);
  }

  @Test
  void aResultCodeExpiresAfterSixtySeconds() {
    OpenPromptUseCase.OpenedPrompt opened = open(redirectPrompt(PromptMode.ANY));
    String code = finish(opened, new Ending.Cancelled()).resultCode().orElseThrow();
    f.clock.advance(Duration.ofSeconds(60));
    assertThat(refusal(() -> exchange(ENV, code)).reason())
        .isEqualTo(RefusalReason.RESULT_CODE_EXPIRED);
  }

  @Test
  void aLaunchTicketOpensOnceAndExpires() {
    CreatedPrompt created = redirectPrompt(PromptMode.ANY);
    open(created);
    assertThat(refusal(() -> open(created)).reason()).isEqualTo(RefusalReason.LAUNCH_TICKET_USED);
    CreatedPrompt late = redirectPrompt(PromptMode.ANY);
    f.clock.advance(Duration.ofSeconds(120));
    assertThat(refusal(() -> open(late)).reason()).isEqualTo(RefusalReason.LAUNCH_TICKET_EXPIRED);
    assertThat(
            refusal(
                    () ->
                        f.openPrompt.open(
                            new OpenPromptUseCase.Command(ENV, "plt_made-up", Fixture.ORIGIN)))
                .reason())
        .isEqualTo(RefusalReason.UNKNOWN_LAUNCH_TICKET);
  }

  @Test
  void aTicketOfAnotherEnvironmentIsUnknownThere() {
    CreatedPrompt created = redirectPrompt(PromptMode.ANY);
    assertThat(
            refusal(
                    () ->
                        f.openPrompt.open(
                            new OpenPromptUseCase.Command(
                                OTHER_ENV, created.launchTicket(), Fixture.ORIGIN)))
                .reason())
        .isEqualTo(RefusalReason.UNKNOWN_LAUNCH_TICKET);
  }

  @Test
  void onlyTheBrowserThatOpenedThePromptWorksOnIt() {
    OpenPromptUseCase.OpenedPrompt opened = open(redirectPrompt(PromptMode.ANY));
    assertThat(
            f.openPrompt
                .visit(new VisitPromptUseCase.Query(ENV, opened.promptId(), opened.visitorSecret()))
                .session()
                .id())
        .isEqualTo(session.sessionId());
    assertThat(
            refusal(
                    () ->
                        f.openPrompt.visit(
                            new VisitPromptUseCase.Query(ENV, opened.promptId(), "pv_guess")))
                .reason())
        .isEqualTo(RefusalReason.UNKNOWN_PROMPT);
    assertThat(
            refusal(
                    () ->
                        finish(
                            new OpenPromptUseCase.OpenedPrompt(
                                opened.promptId(), "pv_guess", SCOPES, opened.expiresAt()),
                            new Ending.Cancelled()))
                .reason())
        .isEqualTo(RefusalReason.UNKNOWN_PROMPT);
  }

  @Test
  void aPromptFinishesOnce() {
    OpenPromptUseCase.OpenedPrompt opened = open(redirectPrompt(PromptMode.ANY));
    finish(opened, new Ending.Cancelled());
    assertThat(refusal(() -> finish(opened, verified())).reason())
        .isEqualTo(RefusalReason.PROMPT_FINISHED);
  }

  @Test
  void mfaOnlyFailsForAnEmailUserEvenWithAToken() {
    OpenPromptUseCase.OpenedPrompt opened = open(redirectPrompt(PromptMode.MFA));
    PromptOutcome outcome = finish(opened, verified());
    assertThat(outcome.status()).isEqualTo(PromptStatus.FAILED);
    assertThat(outcome.failureReason()).contains("mfa_not_enrolled");
    var result = exchange(ENV, outcome.resultCode().orElseThrow());
    assertThat(result.status()).isEqualTo(PromptStatus.FAILED);
    assertThat(result.tokens()).as("the token never reaches the host").isEmpty();
  }

  @Test
  void aReturnAddressOutsideTheListIsRefused() {
    var refused =
        refusal(() -> create(PromptMode.ANY, new PromptTarget.Redirect("https://evil.example/x")));
    assertThat(refused.refusal()).isEqualTo(Refusal.REDIRECT_URI_NOT_ALLOWED);
    assertThat(
            refusal(() -> create(PromptMode.ANY, new PromptTarget.Redirect("/hosted/demo/wallet")))
                .reason())
        .as("a path of this server is no host's return address")
        .isEqualTo(RefusalReason.RETURN_TO_NOT_ALLOWED);
  }

  @Test
  void anOriginOutsideTheListIsRefused() {
    assertThat(
            refusal(() -> create(PromptMode.ANY, new PromptTarget.Popup("https://evil.example")))
                .refusal())
        .isEqualTo(Refusal.ORIGIN_NOT_ALLOWED);
  }

  @Test
  void aPopupPromptHandsItsTokensToThePageOnly() {
    CreatedPrompt created =
        create(PromptMode.ANY, new PromptTarget.Popup("https://app.example.com"));
    PromptOutcome outcome = finish(open(created), verified());
    assertThat(outcome.status()).isEqualTo(PromptStatus.SUCCESS);
    assertThat(outcome.tokens()).hasSize(1);
    assertThat(outcome.resultCode()).as("nothing to exchange").isEmpty();
  }

  @Test
  void anotherUsersOrAnEndedSessionIsNotFound() {
    User bob = f.emailUser("bob@example.com");
    assertThatThrownBy(
            () ->
                f.createPrompt.create(
                    new CreatePromptCommand(
                        ENV,
                        session.sessionId(),
                        Optional.of(bob.id()),
                        SCOPES,
                        PromptMode.ANY,
                        new PromptTarget.Redirect(RETURN),
                        Fixture.ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                f.createPrompt.create(
                    new CreatePromptCommand(
                        ENV,
                        new SessionId("ses_none"),
                        Optional.empty(),
                        SCOPES,
                        PromptMode.ANY,
                        new PromptTarget.Redirect(RETURN),
                        Fixture.ORIGIN)))
        .isInstanceOf(NotFoundException.class);
  }
}
