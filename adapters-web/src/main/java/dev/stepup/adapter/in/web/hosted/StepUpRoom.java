package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpCommand;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpUseCase;
import dev.stepup.application.port.in.stepup.StartWalletStepUpCommand;
import dev.stepup.application.port.in.stepup.StartWalletStepUpUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the step-up page's controllers share: the visit (environment, scope, checked return address,
 * session), the page's defaults, offering a passkey or a wallet, keeping the token a verification
 * issued, and refusals shown in place with an honest status.
 */
@Component
class StepUpRoom {

  static final String PAGE = "hosted/step-up/step-up";
  static final String PANEL = PAGE + " :: panel";

  /**
   * One request's environment, scope, return address and signed-in session. A host's prompt (the
   * return address is its finish page) brings its own session and scopes: {@code scope} is the one
   * the page names, {@code scopes} all that the verification asks for.
   */
  record Visit(
      EnvironmentId environment,
      Scope scope,
      String returnTo,
      Optional<Session> session,
      SessionContext context,
      Set<Scope> scopes,
      Optional<VisitPromptUseCase.PromptVisit> prompt) {

    Visit(
        EnvironmentId environment,
        Scope scope,
        String returnTo,
        Optional<Session> session,
        SessionContext context) {
      this(environment, scope, returnTo, session, context, Set.of(scope), Optional.empty());
    }

    boolean signedIn() {
      return context != null;
    }
  }

  private final HostedPages pages;
  private final HostedSessions sessions;
  private final HostedPrompts prompts;
  private final GetUserUseCase users;
  private final StartPasskeyStepUpUseCase passkeys;
  private final StartWalletStepUpUseCase wallets;
  private final HeldTokens held;

  StepUpRoom(
      HostedPages pages,
      HostedSessions sessions,
      HostedPrompts prompts,
      GetUserUseCase users,
      StartPasskeyStepUpUseCase passkeys,
      StartWalletStepUpUseCase wallets,
      HeldTokens held) {
    this.held = held;
    this.pages = pages;
    this.sessions = sessions;
    this.prompts = prompts;
    this.users = users;
    this.passkeys = passkeys;
    this.wallets = wallets;
  }

  /** Where completed step-ups leave their tokens for this browser. */
  HeldTokens held() {
    return held;
  }

  Visit visit(String environmentId, StepUpContextForm carried, HttpServletRequest request) {
    EnvironmentId environment = pages.environment(environmentId);
    // The return address is judged first: a foreign one is never carried any further.
    String next = pages.returnTo(environment, carried.returnTo());
    String scope = carried.scope();
    Scope parsed =
        pages
            .scope(environment, scope == null ? "" : scope.strip())
            .orElseThrow(
                () ->
                    new HostedProblem(
                        HttpStatus.BAD_REQUEST,
                        "Unknown action",
                        "The link names an action this service does not know. Go back to the"
                            + " app you came from and try again."));
    Optional<VisitPromptUseCase.PromptVisit> prompt = prompts.visit(request, environment, next);
    if (prompt.isPresent()) {
      StepUpRoom.Visit visit =
          HostedPrompts.visit(environment, parsed, next, prompt.get(), request);
      // The prompt's scopes come from storage: the page shows their admin's words.
      Set<Scope> described = pages.described(environment, visit.scopes());
      return new Visit(
          environment,
          described.stream().filter(visit.scope()::equals).findFirst().orElse(visit.scope()),
          next,
          visit.session(),
          visit.context(),
          described,
          visit.prompt());
    }
    Optional<Session> session = sessions.session(request, environment);
    SessionContext context =
        session
            .map(s -> new SessionContext(environment, s.id(), HostedSessions.origin(request)))
            .orElse(null);
    return new Visit(environment, parsed, next, session, context);
  }

  static String signInFirst(Visit visit, HttpServletRequest request, HttpServletResponse response) {
    if (visit.prompt().isPresent()) {
      // A prompt's session is the host's: its end is not a reason to sign in here.
      throw HostedPrompts.sessionEnded();
    }
    String back = HostedPaths.stepUp(visit.environment(), visit.scope(), visit.returnTo());
    return HostedPages.redirect(request, response, HostedPaths.signIn(visit.environment(), back));
  }

  /** Keeps the token on the server and sends the browser on to the return address. */
  String done(
      Visit visit,
      IssuedElevatedToken token,
      HttpServletRequest request,
      HttpServletResponse response) {
    held.keep(request, visit.context(), token);
    return HostedPages.redirect(request, response, visit.returnTo());
  }

  /** A code verification (emailed or texted code, authenticator app, recovery code). */
  String verified(
      String environmentId,
      StepUpContextForm carried,
      StepUpPage.View view,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      Function<Visit, IssuedElevatedToken> attempt) {
    Visit visit = visit(environmentId, carried, request);
    if (!visit.signedIn()) {
      return signInFirst(visit, request, response);
    }
    StepUpPage page = fill(model, visit, view).sent(true);
    try {
      return done(visit, attempt.apply(visit), request, response);
    } catch (RefusedException e) {
      if (e.refusal() == Refusal.INVALID_TOKEN) {
        return signInFirst(visit, request, response);
      }
      refused(page, request, response, e);
      return view(request);
    }
  }

  /** A fresh assertion challenge for the page's passkey button (the script reads it). */
  void offerPasskey(StepUpPage page, Visit visit, String error) {
    PasskeyUseCase.Options options = passkeys.start(new StartPasskeyStepUpCommand(visit.context()));
    page.passkey(
        new StepUpPage.PasskeyOffer(options.challengeId(), options.publicKeyJson(), error));
  }

  /** A fresh Sign-In with Ethereum challenge for the page's wallet button (the script signs it). */
  void offerWallet(StepUpPage page, Visit visit, Credential wallet, String error) {
    SignatureRequest challenge =
        wallets.start(
            new StartWalletStepUpCommand(
                visit.context(), Optional.of(wallet.id()), visit.scopes()));
    page.wallet(
            new WalletSigning(
                challenge.message(), challenge.address(), challenge.challengeId(), error))
        .via(wallet.id().value());
  }

  /** The signed-in user's credentials. */
  List<Credential> credentials(Visit visit) {
    return visit
        .session()
        .map(s -> users.get(visit.environment(), s.userId()).credentials())
        .orElse(List.of());
  }

  String alias(Visit visit, String credentialId) {
    return credentials(visit).stream()
        .filter(c -> c.id().value().equals(credentialId))
        .findFirst()
        .flatMap(Credential::alias)
        .orElse("");
  }

  static void refused(
      StepUpPage page,
      HttpServletRequest request,
      HttpServletResponse response,
      RefusedException e) {
    page.error(PageWords.of(e));
    failedStatus(request, response, e);
  }

  /**
   * A plain form post that failed gets an honest status (429 while locked or throttled, else 422);
   * HTMX swaps only successful answers, so it gets 200.
   */
  static void failedStatus(HttpServletRequest request, HttpServletResponse response, Exception e) {
    if (HostedPages.isHtmx(request)) {
      return;
    }
    boolean waiting =
        e instanceof RefusedException r
            && (r.refusal() == Refusal.TOO_MANY_ATTEMPTS
                || r.refusal() == Refusal.RESEND_THROTTLED);
    response.setStatus(
        waiting ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
  }

  /** The page's model: the shell's attributes and a fresh {@link StepUpPage}. */
  static StepUpPage fill(Model model, Visit visit, StepUpPage.View view) {
    StepUpPage page = new StepUpPage(visit, view);
    model.addAttribute("env", visit.environment().value());
    // A prompt works on the host's session: this page offers no sign-out of it.
    model.addAttribute("signedIn", visit.prompt().isEmpty());
    model.addAttribute("page", page);
    return page;
  }

  static String view(HttpServletRequest request) {
    return HostedPages.isHtmx(request) ? PANEL : PAGE;
  }
}
