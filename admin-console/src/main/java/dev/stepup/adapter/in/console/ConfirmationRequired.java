package dev.stepup.adapter.in.console;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Destructive or secret-revealing console actions (a new API key, a user's MFA reset or step-up
 * unlock, step-up settings, a social provider, a new admin) are refused unless the admin proved
 * their second factor within {@link ConsoleSession#CONFIRMATION_WINDOW}: a stolen or unattended
 * console session cannot take them. The refusal says so and leads to the confirmation page.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationRequired implements WebMvcConfigurer {

  /** The actions that need a fresh confirmation (POST only; reading pages never does). */
  static final List<String> ACTIONS =
      List.of(
          "/admin/environments/*/api-keys",
          "/admin/environments/*/step-up",
          "/admin/environments/*/step-up/scopes/**",
          "/admin/environments/*/social-providers",
          "/admin/environments/*/external-auth/**",
          "/admin/environments/*/users/*/reset-mfa",
          "/admin/environments/*/users/*/unlock-step-up",
          "/admin/admins",
          "/admin/environments/*/webhook",
          "/admin/environments/*/webhook/secret",
          "/admin/environments/*/webhook/remove");

  static final String MESSAGE =
      "This action needs you to confirm it's you: enter a current code from your authenticator"
          + " app, then repeat the action.";

  private final Clock clock;

  ConfirmationRequired(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("POST".equals(request.getMethod())
                    && !ConsoleSession.freshlyConfirmed(request, clock.instant())) {
                  throw new NotConfirmedException();
                }
                return true;
              }
            })
        .addPathPatterns(ACTIONS);
  }

  /** Thrown before the action runs; answered by {@link Refusal}. */
  static final class NotConfirmedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotConfirmedException() {
      super("second factor confirmation needed", null, false, false);
    }
  }

  /** 403 with the confirmation page; HTMX is told to load that page instead of a fragment. */
  @ControllerAdvice(basePackages = "dev.stepup.adapter.in.console")
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  static class Refusal {

    @ExceptionHandler(NotConfirmedException.class)
    ModelAndView refused(HttpServletRequest request, HttpServletResponse response) {
      String then = ConsoleSession.safeReturn(returnPath(request));
      response.setStatus(HttpStatus.FORBIDDEN.value());
      if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
        response.setHeader(
            HtmxResponseHeader.HX_REDIRECT.getValue(),
            org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/confirm")
                .queryParam("then", then)
                .queryParam("needed")
                .build()
                .encode()
                .toUriString());
      }
      ModelAndView page = new ModelAndView("console/confirm/confirm");
      page.addObject("then", then);
      page.addObject("problem", MESSAGE);
      page.setStatus(HttpStatus.FORBIDDEN);
      return page;
    }

    /** The page the action was taken from (HTMX names it; forms send a Referer). */
    private static String returnPath(HttpServletRequest request) {
      String from = HtmxRequest.fromRequest(request).getCurrentUrl();
      if (from == null) {
        from = request.getHeader("Referer");
      }
      if (from == null) {
        return null;
      }
      try {
        return URI.create(from).getRawPath();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
