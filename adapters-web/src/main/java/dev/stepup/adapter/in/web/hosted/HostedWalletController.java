package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.wallet.ExportWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.RefreshWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.ReshareWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.SignWithWalletUseCase;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The demo wallet page: shows the user's server-held wallet and runs its protected actions (export
 * the key, sign a message, refresh or reshare the key) behind step-up. Without a token the user is
 * sent through the step-up page and, back here, the action they asked for completes; an exported
 * key is shown once.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/wallet")
class HostedWalletController {

  private static final String PAGE = "hosted/wallet/wallet";

  private final HostedPages pages;
  private final HostedSessions sessions;
  private final GetUserUseCase users;
  private final ExportWalletKeyUseCase exportKey;
  private final SignWithWalletUseCase signer;
  private final RefreshWalletKeyUseCase refresher;
  private final ReshareWalletKeyUseCase resharer;
  private final DeferredActions deferred;

  HostedWalletController(
      HostedPages pages,
      HostedSessions sessions,
      GetUserUseCase users,
      ExportWalletKeyUseCase exportKey,
      SignWithWalletUseCase signer,
      RefreshWalletKeyUseCase refresher,
      ReshareWalletKeyUseCase resharer,
      DeferredActions deferred) {
    this.pages = pages;
    this.sessions = sessions;
    this.users = users;
    this.exportKey = exportKey;
    this.signer = signer;
    this.refresher = refresher;
    this.resharer = resharer;
    this.deferred = deferred;
  }

  /** The signed-in visit of the wallet page, or why there is none. */
  private record Visit(
      EnvironmentId environment,
      SessionContext context,
      Optional<Credential> wallet,
      WalletPage page) {}

  private Optional<Visit> visit(
      String environmentId, HttpServletRequest request, HttpServletResponse response, Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<Session> session = sessions.session(request, environment);
    if (session.isEmpty()) {
      HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.wallet(environment)));
      return Optional.empty();
    }
    SessionContext context =
        new SessionContext(environment, session.get().id(), HostedSessions.origin(request));
    Optional<Credential> wallet =
        users.get(environment, session.get().userId()).credentials().stream()
            .filter(Credential::isEmbeddedWallet)
            .findFirst();
    model.addAttribute("env", environment.value());
    model.addAttribute("signedIn", true);
    WalletPage page = new WalletPage(wallet.map(Credential::identifier).orElse(null));
    model.addAttribute("page", page);
    HostedPages.noStore(response);
    return Optional.of(new Visit(environment, context, wallet, page));
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> visit = visit(environmentId, request, response, model);
    if (visit.isEmpty()) {
      return null;
    }
    deferred
        .resume(
            request,
            visit.get().context(),
            WalletAction.class,
            action ->
                visit
                    .get()
                    .wallet()
                    .map(w -> w.id().value().equals(action.walletId()))
                    .orElse(false),
            (action, token) -> perform(action, visit.get(), token))
        .ifPresent(visit.get().page()::error);
    return PAGE;
  }

  @PostMapping("/export")
  String export(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Scope.WALLET_EXPORT, environmentId, "", null, request, response, model);
  }

  @PostMapping("/sign")
  String sign(
      @PathVariable String environmentId,
      @Valid MessageForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Scope.WALLET_SIGN, environmentId, form.message(), binding, request, response, model);
  }

  @PostMapping("/refresh")
  String refresh(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Scope.WALLET_REFRESH, environmentId, "", null, request, response, model);
  }

  @PostMapping("/reshare")
  String reshare(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(Scope.WALLET_RESHARE, environmentId, "", null, request, response, model);
  }

  /**
   * Runs the action with a held token for its scope; when the server asks for step-up, remembers
   * the action (it came with this form's CSRF token) and sends the user through the step-up page.
   */
  private String act(
      Scope scope,
      String environmentId,
      String message,
      BindingResult form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    if (visit.wallet().isEmpty()) {
      return PAGE;
    }
    if (form != null && form.hasErrors()) {
      visit
          .page()
          .signError(
              message.length() > MessageForm.MAX ? "" : message,
              form.getAllErrors().get(0).getDefaultMessage());
      return PAGE;
    }
    WalletAction action = new WalletAction(scope, visit.wallet().get().id().value(), message);
    try {
      boolean done =
          deferred.run(
              request,
              response,
              visit.context(),
              action,
              HostedPaths.wallet(visit.environment()),
              (a, token) -> perform(a, visit, token));
      return done ? PAGE : null;
    } catch (RefusedException e) {
      visit.page().error(PageWords.of(e));
      return PAGE;
    }
  }

  private void perform(WalletAction action, Visit visit, Optional<String> token) {
    WalletPage page = visit.page();
    SessionContext context = visit.context();
    var walletId = visit.wallet().orElseThrow().id();
    String message = action.message();
    Scope scope = action.scope();
    if (scope.equals(Scope.WALLET_EXPORT)) {
      page.privateKey(exportKey.export(new WalletCommand(context, walletId, token)));
    } else if (scope.equals(Scope.WALLET_SIGN)) {
      page.signed(
          message,
          signer.sign(new SignWithWalletUseCase.Command(context, walletId, message, token)));
    } else if (scope.equals(Scope.WALLET_REFRESH)) {
      refresher.refresh(new WalletCommand(context, walletId, token));
      page.done("The wallet's key material was refreshed.");
    } else if (scope.equals(Scope.WALLET_RESHARE)) {
      resharer.reshare(new WalletCommand(context, walletId, token));
      page.done("The wallet's key material was reshared.");
    } else {
      throw new IllegalArgumentException("not a wallet action: " + scope);
    }
  }
}
