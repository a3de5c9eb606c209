package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.SignInPage.Step;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase;
import dev.stepup.application.port.in.signin.SignInCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeUseCase;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to an environment's hosted pages by a code emailed to the user, and signing out. Each
 * step works as a plain form post and, with HTMX, swaps only the panel in place.
 */
@Controller
@RequestMapping("/hosted/{environmentId}")
class HostedSignInController {

  private static final String PAGE = "hosted/sign-in/sign-in";
  private static final String PANEL = PAGE + " :: panel";

  private final HostedPages pages;
  private final HostedSessions sessions;
  private final SendSignInCodeUseCase sendCode;
  private final SignInWithCodeUseCase signIn;
  private final EndSessionUseCase endSession;

  HostedSignInController(
      HostedPages pages,
      HostedSessions sessions,
      SendSignInCodeUseCase sendCode,
      SignInWithCodeUseCase signIn,
      EndSessionUseCase endSession) {
    this.pages = pages;
    this.sessions = sessions;
    this.sendCode = sendCode;
    this.signIn = signIn;
    this.endSession = endSession;
  }

  @GetMapping("/sign-in")
  String page(
      @PathVariable String environmentId,
      @RequestParam(required = false) String returnTo,
      @RequestParam(required = false) String signedOut,
      HttpServletRequest request,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    String next = pages.returnTo(environment, returnTo);
    Optional<Session> current = sessions.session(request, environment);
    show(
        model,
        environment,
        current.isPresent(),
        SignInPage.ask(next, signedOut != null ? "You are signed out." : null));
    return PAGE;
  }

  @PostMapping("/sign-in/code")
  String send(
      @PathVariable String environmentId,
      SignInForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    String next = pages.returnTo(environment, form.returnTo());
    String email = form.email();
    try {
      var sent =
          sendCode.send(new SignInCodeCommand(environment, email, HostedSessions.origin(request)));
      show(
          model,
          environment,
          false,
          SignInPage.codeSent(
              next,
              email,
              sent.maskedAddress(),
              sent.accountsOnly(),
              HostedPages.RESEND_WAIT_SECONDS));
    } catch (IllegalArgumentException e) {
      refused(request, response, model, environment, next, Step.EMAIL, email, emailProblem(e));
    } catch (RefusedException e) {
      // A throttled resend keeps the code form; anything else asks for the address again.
      boolean resend = e.refusal() == Refusal.RESEND_THROTTLED;
      refused(
          request,
          response,
          model,
          environment,
          next,
          resend ? Step.CODE : Step.EMAIL,
          email,
          PageWords.of(e));
    }
    return view(request);
  }

  @PostMapping("/sign-in/verify")
  String verify(
      @PathVariable String environmentId,
      SignInForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    String next = pages.returnTo(environment, form.returnTo());
    String email = form.email();
    try {
      StartedSession started =
          signIn.signIn(
              new SignInWithCodeCommand(
                  environment, email, form.code(), HostedSessions.origin(request)));
      // A new identity in this browser: nothing held for an earlier one may carry over, and the
      // HTTP session id changes so a planted one is worthless.
      HeldTokens.forget(request);
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      sessions.start(request, response, environment, started);
      return HostedPages.redirect(request, response, next);
    } catch (IllegalArgumentException e) {
      refused(request, response, model, environment, next, Step.EMAIL, email, emailProblem(e));
    } catch (RefusedException e) {
      refused(request, response, model, environment, next, Step.CODE, email, PageWords.of(e));
    }
    return view(request);
  }

  @PostMapping("/sign-out")
  String signOut(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response) {
    EnvironmentId environment = pages.environment(environmentId);
    sessions
        .session(request, environment)
        .ifPresent(
            s ->
                endSession.end(
                    new EndSessionUseCase.Command(
                        environment, s.id(), HostedSessions.origin(request))));
    HeldTokens.forget(request);
    sessions.clear(request, response, environment);
    return HostedPages.redirect(
        request, response, HostedPaths.base(environment) + "/sign-in?signedOut");
  }

  private static String emailProblem(IllegalArgumentException e) {
    String message = PageWords.of(e);
    return message.startsWith("email: ")
        ? capitalise(message.substring("email: ".length())) + "."
        : "Enter an email address.";
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static void refused(
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      EnvironmentId environment,
      String next,
      Step step,
      String email,
      String error) {
    show(model, environment, false, SignInPage.refused(next, step, email, error));
    if (!HostedPages.isHtmx(request)) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }
  }

  private static void show(
      Model model, EnvironmentId environment, boolean signedIn, SignInPage page) {
    model.addAttribute("env", environment.value());
    model.addAttribute("signedIn", signedIn);
    model.addAttribute("page", page);
  }

  private static String view(HttpServletRequest request) {
    return HostedPages.isHtmx(request) ? PANEL : PAGE;
  }
}
