package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.GetSignedInUserUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What the account page's controllers share: the signed-in visit, the page drawn with the user's
 * credentials, running a change that may wait for step-up, and a refusal shown in place.
 */
@Component
class AccountRoom {

  static final String PAGE = "hosted/account/account";

  /** The signed-in visit of the account page. */
  record Visit(EnvironmentId environment, SessionContext context, AccountPage page) {}

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
  private final GetSignedInUserUseCase signedInUser;
  private final ManageSocialProvidersUseCase socialProviders;
  private final DeferredActions deferred;
  private final AccountChanges changes;

  AccountRoom(
      HostedPages pages,
      HostedSessions sessions,
      GetSignedInUserUseCase signedInUser,
      ManageSocialProvidersUseCase socialProviders,
      DeferredActions deferred,
      AccountChanges changes) {
    this.pages = pages;
    this.sessions = sessions;
    this.signedInUser = signedInUser;
    this.socialProviders = socialProviders;
    this.deferred = deferred;
    this.changes = changes;
  }

  /** The signed-in visit, or empty once the browser is sent to sign in (response complete). */
  Optional<Visit> visit(
      String environmentId, HttpServletRequest request, HttpServletResponse response, Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<SessionContext> context = sessions.context(request, environment);
    if (context.isEmpty()) {
      HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.account(environment)));
      return Optional.empty();
    }
    AccountPage page = new AccountPage(socialProviders.providers(environment));
    model.addAttribute("env", environment.value());
    model.addAttribute("signedIn", true);
    model.addAttribute("page", page);
    HostedPages.noStore(response);
    return Optional.of(new Visit(environment, context.get(), page));
  }

  /** Lists the user's credentials; called last so the list shows what the action changed. */
  String render(Visit visit, Model model) {
    User user = signedInUser.me(visit.context());
    List<Credential> all = user.credentials();
    // The device step-up offers first, and what may be removed: the user's own rules.
    Optional<CredentialId> firstOffered = user.defaultMfaDevice().map(Credential::id);
    visit
        .page()
        .credentials(
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
                .toList(),
            user.hasMfa(),
            all.stream().filter(Credential::isMfa).count());
    return PAGE;
  }

  static String kind(CredentialFormat format) {
    return switch (format) {
      case EMAIL -> "Email";
      case PHONE_NUMBER -> "Phone";
      case OAUTH -> "Social login";
      case BLOCKCHAIN -> "Wallet";
      case PASSKEY -> "Passkey";
      case TOTP -> "Authenticator app";
    };
  }

  /**
   * Runs the change with a held token for its scope; when the server asks for step-up, remembers
   * the change (it came with this form's CSRF token) and sends the user through the step-up page.
   */
  String act(
      String environmentId,
      BindingResult form,
      AccountChange change,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Visit> found = visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    Visit visit = found.get();
    if (form != null && form.hasErrors()) {
      return refused(
          visit, request, response, model, change, form.getAllErrors().get(0).getDefaultMessage());
    }
    try {
      boolean done =
          deferred.run(
              request,
              response,
              visit.context(),
              change,
              HostedPaths.account(visit.environment()),
              (c, token) -> changes.perform(c, visit, token, request));
      return done ? render(visit, model) : null;
    } catch (RefusedException e) {
      return refused(visit, request, response, model, change, PageWords.of(e));
    } catch (IllegalArgumentException e) {
      return refused(visit, request, response, model, change, problem(e));
    }
  }

  /** Back from step-up: completes the change this session waits for, if any. */
  void resume(Visit visit, HttpServletRequest request) {
    deferred
        .resume(
            request,
            visit.context(),
            AccountChange.class,
            c -> true,
            (c, token) -> changes.perform(c, visit, token, request))
        .ifPresent(visit.page()::error);
  }

  String refused(
      Visit visit,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      AccountChange change,
      String message) {
    if (change instanceof AccountChange.LinkContact link) {
      visit.page().link(new LinkForm(link.format(), link.value()), message);
    } else {
      visit.page().error(message);
    }
    return failed(visit, request, response, model);
  }

  /** Draws the page after a failed step, with 422 for a plain form. */
  String failed(
      Visit visit, HttpServletRequest request, HttpServletResponse response, Model model) {
    unprocessable(request, response);
    return render(visit, model);
  }

  static void unprocessable(HttpServletRequest request, HttpServletResponse response) {
    // HTMX swaps only successful answers; a plain form gets the honest status.
    if (!HostedPages.isHtmx(request)) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }
  }

  private static String problem(IllegalArgumentException e) {
    String message = PageWords.of(e);
    int colon = message.indexOf(": ");
    String text = colon >= 0 ? message.substring(colon + 2) : message;
    if (text.isBlank()) {
      return "That value cannot be used.";
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }
}
