package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.wallet.DemoWalletUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The demo wallet page: shows the user's server-held wallet and exports its private key behind
 * step-up. Without a token the user is sent through the step-up page and, back here, the export
 * they asked for completes and the key is shown once.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/wallet")
class HostedWalletController {

  private static final String PAGE = "hosted/wallet/wallet";

  /** Refusals that another step-up can cure. */
  private static final Set<Refusal> NEEDS_STEP_UP =
      EnumSet.of(
          Refusal.STEP_UP_REQUIRED,
          Refusal.TOKEN_CONSUMED,
          Refusal.TOKEN_EXPIRED,
          Refusal.TOKEN_REVOKED);

  private final HostedPages pages;
  private final HostedSessions sessions;
  private final GetUserUseCase users;
  private final DemoWalletUseCase wallets;
  private final Clock clock;

  HostedWalletController(
      HostedPages pages,
      HostedSessions sessions,
      GetUserUseCase users,
      DemoWalletUseCase wallets,
      Clock clock) {
    this.pages = pages;
    this.sessions = sessions;
    this.users = users;
    this.wallets = wallets;
    this.clock = clock;
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<Session> session = sessions.session(request, environment);
    if (session.isEmpty()) {
      return HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.wallet(environment)));
    }
    SessionContext context = context(request, environment, session.get());
    Optional<Credential> wallet = fill(model, environment, session.get());
    HostedPages.noStore(response);
    Optional<HeldTokens.Pending> pending =
        HeldTokens.takePending(request, context, clock.instant());
    if (pending.isPresent() && wallet.isPresent()) {
      Optional<String> token =
          HeldTokens.take(request, context, pending.get().scope(), clock.instant());
      if (token.isEmpty()) {
        model.addAttribute(
            "error", "The export did not happen: you did not confirm it was you. Try again.");
        return PAGE;
      }
      export(context, wallet.get(), token, model);
    }
    return PAGE;
  }

  @PostMapping("/export")
  String export(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<Session> session = sessions.session(request, environment);
    if (session.isEmpty()) {
      return HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.wallet(environment)));
    }
    SessionContext context = context(request, environment, session.get());
    Optional<Credential> wallet = fill(model, environment, session.get());
    HostedPages.noStore(response);
    if (wallet.isEmpty()) {
      return PAGE;
    }
    Optional<String> token =
        HeldTokens.take(request, context, Scope.WALLET_EXPORT, clock.instant());
    try {
      model.addAttribute("privateKey", wallets.export(context, wallet.get().id(), token));
    } catch (RefusedException e) {
      if (!NEEDS_STEP_UP.contains(e.refusal())) {
        model.addAttribute("error", e.getMessage());
        return PAGE;
      }
      // Remember what the user asked for; after step-up the wallet page completes it.
      HeldTokens.await(
          request, context, Scope.WALLET_EXPORT, wallet.get().id(), clock.instant(), true);
      return HostedPages.redirect(
          request,
          response,
          HostedPaths.stepUp(environment, Scope.WALLET_EXPORT, HostedPaths.wallet(environment)));
    }
    return PAGE;
  }

  private void export(
      SessionContext context, Credential wallet, Optional<String> token, Model model) {
    try {
      model.addAttribute("privateKey", wallets.export(context, wallet.id(), token));
    } catch (RefusedException e) {
      model.addAttribute("error", e.getMessage());
    }
  }

  private Optional<Credential> fill(Model model, EnvironmentId environment, Session session) {
    Optional<Credential> wallet =
        users.get(environment, session.userId()).credentials().stream()
            .filter(Credential::isEmbeddedWallet)
            .findFirst();
    model.addAttribute("env", environment.value());
    model.addAttribute("signedIn", true);
    model.addAttribute("address", wallet.map(Credential::identifier).orElse(null));
    model.addAttribute("privateKey", null);
    model.addAttribute("error", null);
    return wallet;
  }

  private static SessionContext context(
      HttpServletRequest request, EnvironmentId environment, Session session) {
    return new SessionContext(environment, session.id(), HostedSessions.origin(request));
  }
}
