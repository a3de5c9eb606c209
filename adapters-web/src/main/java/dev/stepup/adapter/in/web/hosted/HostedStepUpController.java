package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.SendOtpUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase;
import dev.stepup.application.port.in.stepup.VerifyCodeUseCase;
import dev.stepup.application.port.in.stepup.WalletStepUpUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted step-up page: asks {@code check} whether the scope needs it, and if so walks a re-auth
 * user through an emailed (or texted) code and an MFA user through their authenticator app or a
 * recovery code. The elevated token stays on the server ({@link HeldTokens}); the browser only goes
 * on to the return address.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/step-up")
class HostedStepUpController {

  private static final Logger LOG = Logger.getLogger(HostedStepUpController.class.getName());
  private static final String PAGE = "hosted/step-up/step-up";
  private static final String PANEL = PAGE + " :: panel";

  private final HostedPages pages;
  private final HostedSessions sessions;
  private final CheckStepUpUseCase check;
  private final SendOtpUseCase sendOtp;
  private final VerifyCodeUseCase verify;
  private final GetUserUseCase users;
  private final PasskeyUseCase passkeys;
  private final WalletStepUpUseCase wallets;
  private final SocialStepUpUseCase social;
  private final HostedSocialLogins socialLogins;

  HostedStepUpController(
      HostedPages pages,
      HostedSessions sessions,
      CheckStepUpUseCase check,
      SendOtpUseCase sendOtp,
      VerifyCodeUseCase verify,
      GetUserUseCase users,
      PasskeyUseCase passkeys,
      WalletStepUpUseCase wallets,
      SocialStepUpUseCase social,
      HostedSocialLogins socialLogins) {
    this.pages = pages;
    this.sessions = sessions;
    this.check = check;
    this.sendOtp = sendOtp;
    this.verify = verify;
    this.users = users;
    this.passkeys = passkeys;
    this.wallets = wallets;
    this.social = social;
    this.socialLogins = socialLogins;
  }

  /** One request's environment, scope, return address and signed-in session. */
  private record Visit(
      EnvironmentId environment,
      Scope scope,
      String returnTo,
      Optional<Session> session,
      SessionContext context) {}

  private Visit visit(
      String environmentId, String scope, String returnTo, HttpServletRequest request) {
    EnvironmentId environment = pages.environment(environmentId);
    // The return address is judged first: a foreign one is never carried any further.
    String next = pages.returnTo(environment, returnTo);
    Scope parsed =
        Scope.fromWire(scope == null ? "" : scope.strip())
            .orElseThrow(
                () ->
                    new HostedProblem(
                        HttpStatus.BAD_REQUEST,
                        "Unknown action",
                        "The link names an action this service does not know. Go back to the"
                            + " app you came from and try again."));
    Optional<Session> session = sessions.session(request, environment);
    SessionContext context =
        session
            .map(s -> new SessionContext(environment, s.id(), HostedSessions.origin(request)))
            .orElse(null);
    return new Visit(environment, parsed, next, session, context);
  }

  private static String signInFirst(
      Visit visit, HttpServletRequest request, HttpServletResponse response) {
    String back = HostedPaths.stepUp(visit.environment(), visit.scope(), visit.returnTo());
    return HostedPages.redirect(request, response, HostedPaths.signIn(visit.environment(), back));
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(required = false) String via,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    CheckStepUpResult result;
    try {
      result =
          check.check(
              new CheckStepUpQuery(
                  visit.environment(),
                  visit.context().sessionId(),
                  visit.scope(),
                  visit.context().origin()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "check failed; asking for step-up", e);
      result = new CheckStepUpResult(true, StepUpDecision.Path.NONE, List.of(), Optional.empty());
    }
    if (!result.isRequired()) {
      return HostedPages.redirect(request, response, visit.returnTo());
    }
    Optional<Credential> chosen = chosen(result, via);
    fill(model, visit, chooseView(result, chosen));
    offerOthers(model, visit, result, chosen);
    String view = (String) model.getAttribute("view");
    if ("otp".equals(view)) {
      Credential target = chosen.orElseThrow();
      model.addAttribute("sendTo", target.alias().orElse(""));
      model.addAttribute("via", target.id().value());
    } else if ("wallet".equals(view)) {
      offerWallet(model, visit, chosen.orElseThrow(), null);
    } else if ("social".equals(view)) {
      offerSocial(model, chosen.orElseThrow());
    }
    if (result.path() == StepUpDecision.Path.MFA
        && result.credentials().stream().anyMatch(c -> c.format() == CredentialFormat.PASSKEY)) {
      offerPasskey(model, visit);
    }
    HostedPages.noStore(response);
    return PAGE;
  }

  /**
   * The credential to verify with: the one the user picked among the eligible ones, else the
   * recommended one (an MFA user's default device, a re-auth user's sign-in credential).
   */
  private static Optional<Credential> chosen(CheckStepUpResult result, String via) {
    Optional<Credential> picked =
        Optional.ofNullable(via)
            .flatMap(
                id ->
                    result.credentials().stream()
                        .filter(c -> c.id().value().equals(id))
                        .findFirst());
    if (picked.isPresent() || result.path() == StepUpDecision.Path.NONE) {
      return picked;
    }
    return result
        .defaultCredentialId()
        .flatMap(id -> result.credentials().stream().filter(c -> c.id().equals(id)).findFirst())
        .or(() -> result.credentials().stream().findFirst());
  }

  /** Links to the other eligible ways, so a user can choose another one. */
  private static void offerOthers(
      Model model, Visit visit, CheckStepUpResult result, Optional<Credential> chosen) {
    // MFA users always see the passkey button and the recovery-code link; other ways are links.
    boolean mfa = result.path() == StepUpDecision.Path.MFA;
    model.addAttribute(
        "others",
        result.credentials().stream()
            .filter(c -> chosen.map(x -> !x.id().equals(c.id())).orElse(true))
            .filter(c -> !mfa || c.format() == CredentialFormat.TOTP)
            .map(
                c ->
                    new OtherWay(
                        describe(c),
                        HostedPaths.stepUp(visit.environment(), visit.scope(), visit.returnTo())
                            + "&via="
                            + HostedPaths.encode(c.id().value())))
            .toList());
  }

  /** Another way to confirm, as the page lists it. */
  record OtherWay(String label, String href) {}

  private static String describe(Credential c) {
    String alias = c.alias().orElse("");
    return switch (c.format()) {
      case EMAIL -> "Email a code to " + alias;
      case PHONE_NUMBER -> "Text a code to " + alias;
      case BLOCKCHAIN -> "Sign with your wallet " + alias;
      case OAUTH -> "Sign in with " + c.type().orElse("your social account");
      case PASSKEY -> "Use your passkey " + alias;
      case TOTP -> "Use your authenticator app " + alias;
    };
  }

  private static String chooseView(CheckStepUpResult result, Optional<Credential> chosen) {
    if (result.path() == StepUpDecision.Path.MFA) {
      if (chosen.isPresent()) {
        return chosen.get().format() == CredentialFormat.PASSKEY ? "passkey" : "totp";
      }
      boolean totp =
          result.credentials().stream().anyMatch(c -> c.format() == CredentialFormat.TOTP);
      return totp ? "totp" : "passkey";
    }
    if (result.path() == StepUpDecision.Path.REAUTH && chosen.isPresent()) {
      return switch (chosen.get().format()) {
        case EMAIL, PHONE_NUMBER -> "otp";
        case BLOCKCHAIN -> "wallet";
        case OAUTH -> "social";
        case PASSKEY, TOTP -> "none";
      };
    }
    return "none";
  }

  @GetMapping("/recovery")
  String recoveryPage(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    fill(model, visit, "recovery");
    return PAGE;
  }

  /** A fresh assertion challenge for the page's passkey button (the script reads it). */
  private void offerPasskey(Model model, Visit visit) {
    PasskeyUseCase.Options options = passkeys.assertionOptions(visit.context());
    model.addAttribute("passkey", true);
    model.addAttribute("passkeyChallenge", options.challengeId());
    model.addAttribute("passkeyOptions", options.publicKeyJson());
  }

  @PostMapping("/passkey/verify")
  String verifyPasskey(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String challengeId,
      @RequestParam(defaultValue = "") String credential,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    try {
      IssuedElevatedToken token =
          passkeys.verify(visit.context(), challengeId, credential, Set.of(visit.scope()));
      HeldTokens.keep(request, visit.context(), token);
      return HostedPages.redirect(request, response, visit.returnTo());
    } catch (RefusedException | IllegalArgumentException e) {
      fill(model, visit, "passkey");
      offerPasskey(model, visit);
      model.addAttribute(
          "passkeyError",
          e instanceof RefusedException
              ? e.getMessage()
              : "Your passkey's answer could not be read. Try again, or use a recovery code.");
      failedStatus(request, response, e);
      return PAGE;
    }
  }

  @PostMapping("/otp/send")
  String send(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String via,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    fill(model, visit, "otp");
    model.addAttribute("via", via);
    try {
      SendOtpUseCase.OtpSent sent =
          sendOtp.send(
              visit.context(),
              via.isBlank() ? Optional.empty() : Optional.of(new CredentialId(via.strip())));
      model.addAttribute("sent", true);
      model.addAttribute("resendWait", HostedPages.RESEND_WAIT_SECONDS);
      model.addAttribute("sendTo", alias(visit, sent.credentialId().value()));
    } catch (RefusedException | IllegalArgumentException e) {
      RefusedException refusal =
          e instanceof RefusedException r
              ? r
              : new RefusedException(
                  Refusal.CREDENTIAL_NOT_ELIGIBLE, "That address cannot receive a code here.");
      model.addAttribute("sent", refusal.refusal() == Refusal.RESEND_THROTTLED);
      refused(model, request, response, refusal);
    }
    return view(request);
  }

  // ---- external wallet ------------------------------------------------------------------------

  /** A fresh Sign-In with Ethereum challenge for the page's wallet button (the script signs it). */
  private void offerWallet(Model model, Visit visit, Credential wallet, String error) {
    WalletStepUpUseCase.Challenge challenge =
        wallets.challenge(visit.context(), Optional.of(wallet.id()), Set.of(visit.scope()));
    model.addAttribute("walletChallenge", challenge.challengeId());
    model.addAttribute("walletMessage", challenge.message());
    model.addAttribute("walletAddress", challenge.address());
    model.addAttribute("via", wallet.id().value());
    model.addAttribute("walletError", error);
  }

  @PostMapping("/wallet/verify")
  String verifyWallet(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String via,
      @RequestParam(defaultValue = "") String challengeId,
      @RequestParam(defaultValue = "") String signature,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    try {
      IssuedElevatedToken token =
          wallets.verify(visit.context(), challengeId, signature, Set.of(visit.scope()));
      HeldTokens.keep(request, visit.context(), token);
      return HostedPages.redirect(request, response, visit.returnTo());
    } catch (RefusedException | IllegalArgumentException e) {
      if (e instanceof RefusedException r && r.refusal() == Refusal.INVALID_TOKEN) {
        return signInFirst(visit, request, response);
      }
      fill(model, visit, "wallet");
      Credential wallet =
          users
              .get(visit.environment(), visit.session().orElseThrow().userId())
              .credentials()
              .stream()
              .filter(c -> c.id().value().equals(via) && c.format() == CredentialFormat.BLOCKCHAIN)
              .findFirst()
              .orElseThrow(() -> HostedProblem.notFound());
      model.addAttribute("others", List.of());
      String message =
          e instanceof RefusedException ? e.getMessage() : "The wallet's answer could not be read.";
      try {
        offerWallet(model, visit, wallet, message + " Try again.");
      } catch (RefusedException locked) {
        model.addAttribute("view", "blocked");
        model.addAttribute("error", locked.getMessage());
      }
      failedStatus(request, response, e);
      HostedPages.noStore(response);
      return PAGE;
    }
  }

  // ---- social login ---------------------------------------------------------------------------

  private static void offerSocial(Model model, Credential account) {
    model.addAttribute("provider", account.type().orElse(""));
    model.addAttribute("socialAccount", account.alias().orElse(""));
  }

  @PostMapping("/social")
  String startSocial(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String provider,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    try {
      java.net.URI target =
          social.authorize(
              visit.context(),
              provider,
              Set.of(visit.scope()),
              visit.returnTo(),
              socialLogins.callback(
                  request, HostedPaths.base(visit.environment()) + "/step-up", provider));
      return HostedPages.redirect(request, response, target.toString());
    } catch (RefusedException e) {
      fill(model, visit, "social");
      model.addAttribute("provider", provider);
      model.addAttribute("socialAccount", "");
      model.addAttribute("others", List.of());
      refused(model, request, response, e);
      return PAGE;
    } catch (dev.stepup.application.port.in.NotFoundException e) {
      throw HostedProblem.notFound();
    }
  }

  /**
   * Where the provider sends the browser back: the login must be this browser's session's; the
   * token is kept here and the browser goes on to the page it came for.
   */
  @GetMapping("/social/{provider}/callback")
  String socialReturn(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<Session> session = sessions.session(request, environment);
    if (session.isEmpty()) {
      return HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.wallet(environment)));
    }
    SessionContext context =
        new SessionContext(environment, session.get().id(), HostedSessions.origin(request));
    SocialStepUpUseCase.Outcome outcome;
    try {
      outcome =
          socialLogins.finish(
              context,
              provider,
              new SocialStepUpUseCase.ProviderAnswer(state, code, error),
              socialLogins.callback(request, HostedPaths.base(environment) + "/step-up", provider));
    } catch (RefusedException e) {
      throw new HostedProblem(
          HttpStatus.BAD_REQUEST, "This sign-in cannot be finished", e.getMessage());
    }
    if (outcome.token().isEmpty()) {
      throw new HostedProblem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "We could not confirm it’s you",
          outcome
                  .refusal()
                  .map(RefusedException::getMessage)
                  .orElse("The social sign-in did not succeed.")
              + " Go back to the app you came from and try again.");
    }
    HeldTokens.keep(request, context, outcome.token().get());
    HostedPages.noStore(response);
    return HostedPages.redirect(request, response, outcome.redirectUri());
  }

  @PostMapping("/otp/verify")
  String verifyOtp(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return verified(
        environmentId,
        scope,
        returnTo,
        "otp",
        request,
        response,
        model,
        visit -> () -> verify.verifyOtp(visit.context(), code, Set.of(visit.scope())));
  }

  @PostMapping("/totp/verify")
  String verifyTotp(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return verified(
        environmentId,
        scope,
        returnTo,
        "totp",
        request,
        response,
        model,
        visit ->
            () ->
                verify.verifyTotp(visit.context(), code, Optional.empty(), Set.of(visit.scope())));
  }

  @PostMapping("/recovery/verify")
  String verifyRecovery(
      @PathVariable String environmentId,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String returnTo,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return verified(
        environmentId,
        scope,
        returnTo,
        "recovery",
        request,
        response,
        model,
        visit -> () -> verify.verifyRecoveryCode(visit.context(), code, Set.of(visit.scope())));
  }

  private String verified(
      String environmentId,
      String scope,
      String returnTo,
      String view,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      Function<Visit, Supplier<IssuedElevatedToken>> attempt) {
    Visit visit = visit(environmentId, scope, returnTo, request);
    if (visit.context() == null) {
      return signInFirst(visit, request, response);
    }
    fill(model, visit, view);
    model.addAttribute("sent", true);
    try {
      IssuedElevatedToken token = attempt.apply(visit).get();
      HeldTokens.keep(request, visit.context(), token);
      return HostedPages.redirect(request, response, visit.returnTo());
    } catch (RefusedException e) {
      if (e.refusal() == Refusal.INVALID_TOKEN) {
        return signInFirst(visit, request, response);
      }
      refused(model, request, response, e);
      return view(request);
    }
  }

  private String alias(Visit visit, String credentialId) {
    return visit
        .session()
        .flatMap(
            s ->
                users.get(visit.environment(), s.userId()).credentials().stream()
                    .filter(c -> c.id().value().equals(credentialId))
                    .findFirst())
        .flatMap(Credential::alias)
        .orElse("");
  }

  private static void refused(
      Model model, HttpServletRequest request, HttpServletResponse response, RefusedException e) {
    model.addAttribute("error", e.getMessage());
    failedStatus(request, response, e);
  }

  /**
   * A plain form post that failed gets an honest status (429 while locked or throttled, else 422);
   * HTMX swaps only successful answers, so it gets 200.
   */
  private static void failedStatus(
      HttpServletRequest request, HttpServletResponse response, Exception e) {
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

  private static void fill(Model model, Visit visit, String view) {
    model.addAttribute("env", visit.environment().value());
    model.addAttribute("scope", visit.scope().wire());
    model.addAttribute("action", visit.scope().action());
    model.addAttribute("returnTo", visit.returnTo());
    model.addAttribute("view", view);
    model.addAttribute("sent", false);
    model.addAttribute("resendWait", 0L);
    model.addAttribute("sendTo", "");
    model.addAttribute("error", null);
    model.addAttribute("signedIn", true);
    model.addAttribute("passkey", false);
    model.addAttribute("passkeyError", null);
    model.addAttribute("via", "");
    model.addAttribute("walletError", null);
    if (!model.containsAttribute("others")) {
      model.addAttribute("others", List.of());
    }
  }

  private static String view(HttpServletRequest request) {
    return HostedPages.isHtmx(request) ? PANEL : PAGE;
  }
}
