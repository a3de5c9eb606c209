package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.HostedLinkProofs.Proof;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkContactUseCase;
import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.credential.ManageCredentialsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.mfa.ManageMfaUseCase;
import dev.stepup.application.port.in.mfa.ManageMfaUseCase.TotpEnrolment;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase;
import dev.stepup.application.port.in.stepup.WalletStepUpUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's account page: their credentials, and the changes that need step-up
 * (enrolling an authenticator app or a passkey, new recovery codes, linking an email or phone,
 * unlinking a credential). Like the wallet page, an action the user asked for by POST is remembered
 * on the server while they step up, and completes when they come back here; secrets (the TOTP
 * secret, recovery codes) are shown in the answer that made them and never again.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/account")
class HostedAccountController {

  private static final String PAGE = "hosted/account/account";
  private static final String PENDING = "stepup.hosted.account.pending";
  private static final String ENROLMENT = "stepup.hosted.account.totp";
  private static final int MAX_ALIAS = 64;
  private static final int MAX_VALUE = 320;

  /** How long a started TOTP enrolment can be confirmed (the service's own window is 15 min). */
  private static final Duration ENROLMENT_LIFETIME = Duration.ofMinutes(15);

  /** Refusals that another step-up can cure. */
  private static final Set<Refusal> NEEDS_STEP_UP =
      EnumSet.of(
          Refusal.STEP_UP_REQUIRED,
          Refusal.TOKEN_CONSUMED,
          Refusal.TOKEN_EXPIRED,
          Refusal.TOKEN_REVOKED);

  /** The account changes that wait for step-up, and the scope each needs. */
  enum Action {
    ENROL_TOTP(Scope.CREDENTIAL_LINK),
    REGISTER_PASSKEY(Scope.CREDENTIAL_LINK),
    REGENERATE_RECOVERY_CODES(Scope.CREDENTIAL_LINK),
    LINK(Scope.CREDENTIAL_LINK),
    LINK_WALLET(Scope.CREDENTIAL_LINK),
    LINK_SOCIAL(Scope.CREDENTIAL_LINK),
    CHOOSE_DEFAULT(Scope.CREDENTIAL_LINK),
    UNLINK(Scope.CREDENTIAL_UNLINK);

    private final Scope scope;

    Action(Scope scope) {
      this.scope = scope;
    }

    Scope scope() {
      return scope;
    }
  }

  /** An account change the user asked for (with CSRF protection) that waits for step-up. */
  record Pending(
      String environmentId,
      String sessionId,
      Action action,
      String format,
      String value,
      Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Pending[action=" + action + "]";
    }
  }

  /** A started TOTP enrolment, kept on the server until the user confirms it with a code. */
  record Enrolment(
      String environmentId,
      String sessionId,
      String deviceId,
      String secret,
      byte[] qrCodePng,
      Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Enrolment[deviceId=" + deviceId + "]";
    }
  }

  /** One credential as the page lists it. */
  record Row(
      String id,
      String format,
      String kind,
      String alias,
      String type,
      boolean mfa,
      boolean defaultMfa,
      boolean removable) {}

  private final HostedPages pages;
  private final HostedSessions sessions;
  private final ManageCredentialsUseCase credentials;
  private final LinkContactUseCase contacts;
  private final ManageMfaUseCase mfa;
  private final PasskeyUseCase passkeys;
  private final LinkWalletUseCase wallets;
  private final SocialStepUpUseCase social;
  private final LinkSocialAccountUseCase socialAccounts;
  private final ManageSocialProvidersUseCase socialProviders;
  private final HostedSocialLogins socialLogins;
  private final Clock clock;

  HostedAccountController(
      HostedPages pages,
      HostedSessions sessions,
      ManageCredentialsUseCase credentials,
      LinkContactUseCase contacts,
      ManageMfaUseCase mfa,
      PasskeyUseCase passkeys,
      LinkWalletUseCase wallets,
      SocialStepUpUseCase social,
      LinkSocialAccountUseCase socialAccounts,
      ManageSocialProvidersUseCase socialProviders,
      HostedSocialLogins socialLogins,
      Clock clock) {
    this.pages = pages;
    this.sessions = sessions;
    this.credentials = credentials;
    this.contacts = contacts;
    this.mfa = mfa;
    this.passkeys = passkeys;
    this.wallets = wallets;
    this.social = social;
    this.socialAccounts = socialAccounts;
    this.socialProviders = socialProviders;
    this.socialLogins = socialLogins;
    this.clock = clock;
  }

  /** The signed-in visit of the account page. */
  private record Visit(EnvironmentId environment, SessionContext context) {}

  private Optional<Visit> visit(
      String environmentId, HttpServletRequest request, HttpServletResponse response, Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<SessionContext> context = sessions.context(request, environment);
    if (context.isEmpty()) {
      HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.account(environment)));
      return Optional.empty();
    }
    model.addAttribute("env", environment.value());
    model.addAttribute("signedIn", true);
    model.addAttribute("error", null);
    model.addAttribute("done", null);
    model.addAttribute("recoveryCodes", null);
    model.addAttribute("enrolment", null);
    model.addAttribute("proof", null);
    model.addAttribute("proofError", null);
    model.addAttribute("passkeyOptions", null);
    model.addAttribute("linkFormat", "email");
    model.addAttribute("linkValue", "");
    model.addAttribute("linkError", null);
    model.addAttribute("walletMessage", null);
    model.addAttribute("providers", socialProviders.providers(environment));
    HostedPages.noStore(response);
    return Optional.of(new Visit(environment, context.get()));
  }

  /** Lists the user's credentials; called last so the list shows what the action changed. */
  private String render(Visit visit, Model model) {
    User user = credentials.me(visit.context());
    List<Credential> all = user.credentials();
    // The device step-up offers first, and what may be removed: the user's own rules.
    Optional<CredentialId> firstOffered = user.defaultMfaDevice().map(Credential::id);
    model.addAttribute(
        "credentials",
        all.stream()
            .map(
                c ->
                    new Row(
                        c.id().value(),
                        c.format().wire(),
                        kind(c.format()),
                        c.alias().orElse(c.isMfa() ? kind(c.format()) : c.identifier()),
                        c.type().orElse(null),
                        c.isMfa(),
                        firstOffered.filter(c.id()::equals).isPresent(),
                        user.mayRemove(c.id())))
            .toList());
    model.addAttribute("hasMfa", user.hasMfa());
    model.addAttribute("mfaCount", all.stream().filter(Credential::isMfa).count());
    return PAGE;
  }

  private static String kind(CredentialFormat format) {
    return switch (format) {
      case EMAIL -> "Email";
      case PHONE_NUMBER -> "Phone";
      case OAUTH -> "Social login";
      case BLOCKCHAIN -> "Wallet";
      case PASSKEY -> "Passkey";
      case TOTP -> "Authenticator app";
    };
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    Optional<Pending> pending = takePending(request, visit.context());
    if (pending.isPresent()) {
      Action action = pending.get().action();
      Optional<String> token =
          HeldTokens.take(request, visit.context(), action.scope(), clock.instant());
      if (token.isEmpty()) {
        model.addAttribute("error", "Nothing was done: you did not confirm it was you. Try again.");
      } else {
        try {
          perform(action, visit, token, pending.get(), request, model);
        } catch (RefusedException | IllegalArgumentException e) {
          model.addAttribute("error", e.getMessage());
        }
      }
    }
    return render(visit, model);
  }

  @PostMapping("/totp")
  String enrolTotp(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String alias,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Action.ENROL_TOTP, environmentId, "", alias, request, response, model);
  }

  @PostMapping("/passkey")
  String addPasskey(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String alias,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Action.REGISTER_PASSKEY, environmentId, "", alias, request, response, model);
  }

  @PostMapping("/recovery-codes")
  String regenerate(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Action.REGENERATE_RECOVERY_CODES, environmentId, "", "", request, response, model);
  }

  @PostMapping("/link")
  String link(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "email") String format,
      @RequestParam(defaultValue = "") String value,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Action.LINK, environmentId, format, value, request, response, model);
  }

  /** A Sign-In with Ethereum message for the wallet to link; the page's script has it signed. */
  @PostMapping("/wallet")
  String walletChallenge(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String address,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    try {
      WalletStepUpUseCase.Challenge challenge = wallets.linkChallenge(visit.context(), address);
      model.addAttribute("walletMessage", challenge.message());
      model.addAttribute("walletAddress", challenge.address());
      model.addAttribute("walletChallenge", challenge.challengeId());
    } catch (RefusedException | IllegalArgumentException e) {
      return refused(
          visit,
          request,
          response,
          model,
          Action.LINK_WALLET,
          e instanceof RefusedException ? e.getMessage() : "Enter a 0x… wallet address.");
    }
    return render(visit, model);
  }

  /** The wallet's signature: the link is made once a credential:link token is held. */
  @PostMapping("/wallet/link")
  String linkWallet(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String challengeId,
      @RequestParam(defaultValue = "") String signature,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Action.LINK_WALLET, environmentId, challengeId, signature, request, response, model);
  }

  /** Off to the provider to prove the account to link; it comes back to the callback below. */
  @PostMapping("/social")
  String startSocialLink(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String provider,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    try {
      java.net.URI target =
          social.authorizeLink(
              visit.context(),
              provider,
              HostedPaths.account(visit.environment()),
              socialLogins.callback(request, HostedPaths.account(visit.environment()), provider));
      return HostedPages.redirect(request, response, target.toString());
    } catch (RefusedException e) {
      return refused(visit, request, response, model, Action.LINK_SOCIAL, e.getMessage());
    } catch (dev.stepup.application.port.in.NotFoundException e) {
      throw HostedProblem.notFound();
    }
  }

  /**
   * The provider's answer: a completed login, linked once the user holds a credential:link token.
   */
  @GetMapping("/social/{provider}/callback")
  String socialLinkReturn(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    SocialStepUpUseCase.Outcome outcome;
    try {
      outcome =
          socialLogins.finish(
              visit.context(),
              provider,
              new SocialStepUpUseCase.ProviderAnswer(state, code, error),
              socialLogins.callback(request, HostedPaths.account(visit.environment()), provider));
    } catch (RefusedException e) {
      return refused(visit, request, response, model, Action.LINK_SOCIAL, e.getMessage());
    }
    if (outcome.loginId().isEmpty()) {
      return refused(
          visit,
          request,
          response,
          model,
          Action.LINK_SOCIAL,
          outcome
              .refusal()
              .map(RefusedException::getMessage)
              .orElse("The sign-in at the provider did not succeed."));
    }
    return act(
        Action.LINK_SOCIAL,
        environmentId,
        provider,
        outcome.loginId().get(),
        request,
        response,
        model);
  }

  @PostMapping("/unlink")
  String unlink(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String credentialId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Action.UNLINK, environmentId, "", credentialId, request, response, model);
  }

  /**
   * Runs the change with a held token for its scope; when the server asks for step-up, remembers
   * the change (it came with this form's CSRF token) and sends the user through the step-up page.
   */
  private String act(
      Action action,
      String environmentId,
      String format,
      String value,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    String trimmed = value.strip();
    int max =
        EnumSet.of(Action.LINK, Action.LINK_WALLET, Action.LINK_SOCIAL).contains(action)
            ? MAX_VALUE
            : MAX_ALIAS;
    if (trimmed.length() > max) {
      return refused(
          visit, request, response, model, action, "Use at most " + max + " characters.");
    }
    Pending wanted =
        new Pending(
            visit.environment().value(),
            visit.context().sessionId().value(),
            action,
            format,
            trimmed,
            clock.instant());
    Optional<String> token =
        HeldTokens.take(request, visit.context(), action.scope(), clock.instant());
    try {
      perform(action, visit, token, wanted, request, model);
    } catch (RefusedException e) {
      if (!NEEDS_STEP_UP.contains(e.refusal())) {
        return refused(visit, request, response, model, action, e.getMessage());
      }
      request.getSession(true).setAttribute(PENDING, wanted);
      return HostedPages.redirect(
          request,
          response,
          HostedPaths.stepUp(
              visit.environment(), action.scope(), HostedPaths.account(visit.environment())));
    } catch (IllegalArgumentException e) {
      return refused(visit, request, response, model, action, problem(e));
    }
    return render(visit, model);
  }

  private void perform(
      Action action,
      Visit visit,
      Optional<String> token,
      Pending pending,
      HttpServletRequest request,
      Model model) {
    SessionContext context = visit.context();
    Optional<String> alias = Optional.of(pending.value()).filter(a -> !a.isBlank());
    switch (action) {
      case ENROL_TOTP -> {
        TotpEnrolment started = mfa.startTotpEnrolment(context, alias, token);
        Enrolment enrolment =
            new Enrolment(
                visit.environment().value(),
                context.sessionId().value(),
                started.deviceId().value(),
                started.secretBase32(),
                started.qrCodePng(),
                clock.instant());
        request.getSession(true).setAttribute(ENROLMENT, enrolment);
        showEnrolment(model, enrolment);
      }
      case REGISTER_PASSKEY -> {
        PasskeyUseCase.Options options = passkeys.registrationOptions(context, alias, token);
        model.addAttribute("passkeyOptions", options.publicKeyJson());
        model.addAttribute("passkeyChallenge", options.challengeId());
      }
      case REGENERATE_RECOVERY_CODES -> {
        model.addAttribute("recoveryCodes", mfa.regenerateRecoveryCodes(context, token));
        model.addAttribute("done", "You have new recovery codes; the old ones no longer work.");
      }
      case LINK -> {
        LinkContactUseCase.PendingLink started =
            contacts.start(context, pending.format(), pending.value(), token);
        model.addAttribute(
            "proof", HostedLinkProofs.keep(request, context, started, clock.instant()));
      }
      case CHOOSE_DEFAULT -> {
        mfa.chooseDefault(context, new CredentialId(pending.value()), token);
        model.addAttribute("done", "Your default way to confirm it’s you is saved.");
      }
      case UNLINK -> {
        credentials.unlink(context, new CredentialId(pending.value()), token);
        model.addAttribute("done", "The credential was removed.");
      }
      case LINK_WALLET -> {
        Credential linked = wallets.link(context, pending.format(), pending.value(), token);
        model.addAttribute("done", "Wallet " + linked.alias().orElse("") + " was added.");
      }
      case LINK_SOCIAL -> {
        Credential linked = socialAccounts.link(context, pending.value(), token);
        model.addAttribute(
            "done",
            "Your "
                + linked.type().orElse("social")
                + " account "
                + linked.alias().orElse("")
                + " was added.");
      }
      default -> throw new IllegalStateException("unknown action " + action);
    }
  }

  private String refused(
      Visit visit,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      Action action,
      String message) {
    if (action == Action.LINK) {
      model.addAttribute("linkError", message);
      Object format = request.getParameter("format");
      model.addAttribute("linkFormat", "phoneNumber".equals(format) ? "phoneNumber" : "email");
      model.addAttribute(
          "linkValue", Optional.ofNullable(request.getParameter("value")).orElse(""));
    } else {
      model.addAttribute("error", message);
    }
    unprocessable(request, response);
    return render(visit, model);
  }

  private static void unprocessable(HttpServletRequest request, HttpServletResponse response) {
    // HTMX swaps only successful answers; a plain form gets the honest status.
    if (!HostedPages.isHtmx(request)) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }
  }

  private static String problem(IllegalArgumentException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int colon = message.indexOf(": ");
    String text = colon >= 0 ? message.substring(colon + 2) : message;
    if (text.isBlank()) {
      return "That value cannot be used.";
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  // ---- TOTP ------------------------------------------------------------------------------------

  private void showEnrolment(Model model, Enrolment enrolment) {
    model.addAttribute("enrolment", enrolment);
    model.addAttribute("totpSecret", enrolment.secret());
  }

  /** The QR code of the enrolment this browser started; nothing once it is confirmed. */
  @GetMapping("/totp/qr.png")
  ResponseEntity<byte[]> qrCode(@PathVariable String environmentId, HttpServletRequest request) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<SessionContext> context = sessions.context(request, environment);
    Optional<Enrolment> enrolment = context.flatMap(c -> enrolment(request, c));
    if (enrolment.isEmpty()) {
      return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.IMAGE_PNG)
        .body(enrolment.get().qrCodePng());
  }

  @PostMapping("/totp/confirm")
  String confirmTotp(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    Optional<Enrolment> enrolment = enrolment(request, visit.context());
    if (enrolment.isEmpty()) {
      model.addAttribute(
          "error", "This setup has ended. Choose “Set up an authenticator app” to start again.");
      unprocessable(request, response);
      return render(visit, model);
    }
    try {
      List<String> codes =
          mfa.confirmTotp(
              visit.context(), new CredentialId(enrolment.get().deviceId()), code.strip());
      request.getSession(true).removeAttribute(ENROLMENT);
      model.addAttribute("done", "Your authenticator app is set up.");
      if (!codes.isEmpty()) {
        model.addAttribute("recoveryCodes", codes);
      }
    } catch (RefusedException e) {
      if (e.refusal() == Refusal.INVALID_CODE) {
        showEnrolment(model, enrolment.get());
        model.addAttribute("totpError", e.getMessage());
      } else {
        request.getSession(true).removeAttribute(ENROLMENT);
        model.addAttribute("error", e.getMessage());
      }
      unprocessable(request, response);
    }
    return render(visit, model);
  }

  private Optional<Enrolment> enrolment(HttpServletRequest request, SessionContext context) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(ENROLMENT) instanceof Enrolment enrolment)) {
      return Optional.empty();
    }
    return Optional.of(enrolment)
        .filter(e -> e.environmentId().equals(context.environmentId().value()))
        .filter(e -> e.sessionId().equals(context.sessionId().value()))
        .filter(e -> clock.instant().isBefore(e.createdAt().plus(ENROLMENT_LIFETIME)));
  }

  // ---- passkeys --------------------------------------------------------------------------------

  @PostMapping("/passkey/register")
  String registerPasskey(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String challengeId,
      @RequestParam(defaultValue = "") String credential,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    try {
      PasskeyUseCase.Registered registered =
          passkeys.register(visit.context(), challengeId, credential);
      model.addAttribute("done", "Your passkey is added.");
      if (!registered.recoveryCodes().isEmpty()) {
        model.addAttribute("recoveryCodes", registered.recoveryCodes());
      }
    } catch (RefusedException | IllegalArgumentException e) {
      model.addAttribute(
          "error",
          e instanceof RefusedException
              ? e.getMessage()
              : "Your passkey's answer could not be read. Choose “Add a passkey” to try again.");
      unprocessable(request, response);
    }
    return render(visit, model);
  }

  // ---- default MFA -----------------------------------------------------------------------------

  @PostMapping("/default")
  String chooseDefault(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String credentialId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    // An MFA change: the user confirms it's them first, like enrolment.
    return act(Action.CHOOSE_DEFAULT, environmentId, "", credentialId, request, response, model);
  }

  // ---- proving an address or number ------------------------------------------------------------

  @PostMapping("/link/confirm")
  String confirmLink(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    Optional<Proof> proof = HostedLinkProofs.find(request, visit.context());
    if (proof.isEmpty()) {
      return nothingWaiting(visit, request, response, model);
    }
    try {
      Credential linked = contacts.confirm(visit.context(), proof.get().pendingId(), code.strip());
      HostedLinkProofs.drop(request);
      model.addAttribute(
          "done", kind(linked.format()) + " " + linked.alias().orElse("") + " was added.");
    } catch (RefusedException e) {
      if (e.refusal() == Refusal.INVALID_CODE) {
        model.addAttribute("proof", proof.get());
        model.addAttribute("proofError", e.getMessage());
      } else {
        HostedLinkProofs.drop(request);
        model.addAttribute("error", e.getMessage());
      }
      unprocessable(request, response);
    }
    return render(visit, model);
  }

  @PostMapping("/link/resend")
  String resendLinkCode(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    Optional<Proof> proof = HostedLinkProofs.find(request, visit.context());
    if (proof.isEmpty()) {
      return nothingWaiting(visit, request, response, model);
    }
    try {
      LinkContactUseCase.PendingLink again =
          contacts.resend(visit.context(), proof.get().pendingId());
      model.addAttribute(
          "proof", HostedLinkProofs.keep(request, visit.context(), again, clock.instant()));
      model.addAttribute("done", "A new code is on its way.");
    } catch (RefusedException e) {
      model.addAttribute("proof", proof.get());
      model.addAttribute("proofError", e.getMessage());
      unprocessable(request, response);
    }
    return render(visit, model);
  }

  private String nothingWaiting(
      Visit visit, HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("error", "Nothing is waiting for a code. Add the address again.");
    unprocessable(request, response);
    return render(visit, model);
  }

  // ---- pending ---------------------------------------------------------------------------------

  /** The change this session waits to complete, once; stale or foreign ones are dropped. */
  private Optional<Pending> takePending(HttpServletRequest request, SessionContext context) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(PENDING) instanceof Pending pending)) {
      return Optional.empty();
    }
    http.removeAttribute(PENDING);
    return Optional.of(pending)
        .filter(p -> p.environmentId().equals(context.environmentId().value()))
        .filter(p -> p.sessionId().equals(context.sessionId().value()))
        .filter(p -> clock.instant().isBefore(p.createdAt().plus(HeldTokens.PENDING_LIFETIME)));
  }
}
