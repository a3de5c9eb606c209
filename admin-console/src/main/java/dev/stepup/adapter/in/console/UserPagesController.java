package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.in.user.GetStepUpLockUseCase;
import dev.stepup.application.port.in.user.GetUserDetailUseCase;
import dev.stepup.application.port.in.user.MfaDevice;
import dev.stepup.application.port.in.user.SearchUsersQuery;
import dev.stepup.application.port.in.user.SearchUsersUseCase;
import dev.stepup.application.port.in.user.UnlockStepUpUseCase;
import dev.stepup.application.port.in.user.UserDetail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An environment's users: search by id, email, phone or wallet address; one user's credentials, MFA
 * devices, sessions and recent activity; and resetting their MFA.
 */
@Controller
class UserPagesController {

  static final int RESULTS = 50;

  private final FindEnvironmentsUseCase environments;
  private final SearchUsersUseCase search;
  private final GetUserDetailUseCase details;
  private final ResetMfaUseCase resetMfa;
  private final GetStepUpLockUseCase lock;
  private final UnlockStepUpUseCase unlock;
  private final Clock clock;

  UserPagesController(
      FindEnvironmentsUseCase environments,
      SearchUsersUseCase search,
      GetUserDetailUseCase details,
      ResetMfaUseCase resetMfa,
      GetStepUpLockUseCase lock,
      UnlockStepUpUseCase unlock,
      Clock clock) {
    this.environments = environments;
    this.search = search;
    this.details = details;
    this.resetMfa = resetMfa;
    this.lock = lock;
    this.unlock = unlock;
    this.clock = clock;
  }

  /** A search result: never a full address, only the masked aliases the user's credentials have. */
  record ResultRow(String id, String createdAt, String credentials, boolean mfa) {
    static ResultRow of(User u) {
      return new ResultRow(
          u.id().value(),
          u.createdAt().toString(),
          u.credentials().stream()
              .filter(c -> !c.isMfa())
              .map(c -> c.format().wire() + " " + maskedAlias(c))
              .collect(Collectors.joining(" · ")),
          u.hasMfa());
    }
  }

  /** A credential as the detail page lists it. */
  record CredentialRow(
      String id,
      String format,
      String type,
      String alias,
      String createdAt,
      boolean signIn,
      boolean defaultMfa) {
    static CredentialRow of(Credential c) {
      return new CredentialRow(
          c.id().value(),
          c.format().wire(),
          c.type().orElse(""),
          maskedAlias(c),
          c.createdAt().toString(),
          c.signInEnabled(),
          c.defaultMfa());
    }
  }

  /** An MFA device row. */
  record DeviceRow(String id, String kind, String alias, String createdAt) {
    static DeviceRow of(MfaDevice d) {
      return new DeviceRow(
          d.id().value(),
          d.kind() == MfaDevice.Kind.TOTP ? "Authenticator app (TOTP)" : "Passkey",
          d.alias(),
          d.createdAt().toString());
    }
  }

  /** A session row. */
  record SessionRow(
      String id, String createdAt, String expiresAt, String state, String signInCredential) {
    static SessionRow of(Session s, Instant now) {
      String state = s.state(now).wire();
      return new SessionRow(
          s.id().value(),
          s.createdAt().toString(),
          s.endedAt().orElse(s.expiresAt()).toString(),
          state,
          s.signInCredentialId().map(CredentialId::value).orElse(""));
    }
  }

  /** A line of the user's recent activity. */
  record ActivityLine(
      String at, String type, String outcome, String method, String scopes, String detail) {
    static ActivityLine of(AuditEntry e) {
      return new ActivityLine(
          e.at().toString(),
          e.type(),
          e.outcome(),
          e.method().map(m -> m.wire()).orElse(""),
          Scope.joinWire(e.scopes()),
          e.reason().orElse("") + e.actor().map(a -> " (by " + a + ")").orElse(""));
    }
  }

  private static String maskedAlias(Credential c) {
    return c.alias().orElse("••••");
  }

  @GetMapping("/admin/environments/{environmentId}/users")
  String users(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String q,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    String text = q.strip();
    List<ResultRow> rows;
    try {
      rows =
          search.search(new SearchUsersQuery(environment.id(), text, RESULTS)).stream()
              .map(ResultRow::of)
              .toList();
      model.addAttribute("searchError", null);
    } catch (IllegalArgumentException e) {
      rows = List.of();
      model.addAttribute("searchError", e.getMessage());
    }
    model.addAttribute("environment", environment);
    model.addAttribute("q", text);
    model.addAttribute("rows", rows);
    return inline(request) ? "console/users/users :: results" : "console/users/users";
  }

  @GetMapping("/admin/environments/{environmentId}/users/{userId}")
  String user(@PathVariable String environmentId, @PathVariable String userId, Model model) {
    Environment environment = environment(environmentId);
    fill(model, environment, detail(environment, userId));
    return "console/users/user";
  }

  @PostMapping("/admin/environments/{environmentId}/users/{userId}/reset-mfa")
  String resetMfa(
      @PathVariable String environmentId,
      @PathVariable String userId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    UserDetail before = detail(environment, userId);
    ResetMfaUseCase.Result result;
    try {
      result =
          resetMfa.reset(
              new ResetMfaUseCase.Command(
                  environment.id(),
                  before.user().id(),
                  admin.getName(),
                  new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"))));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (!inline(request)) {
      return "redirect:/admin/environments/"
          + environment.id().value()
          + "/users/"
          + before.user().id().value();
    }
    fill(model, environment, detail(environment, userId));
    model.addAttribute("reset", result);
    return "console/users/user :: detail";
  }

  @PostMapping("/admin/environments/{environmentId}/users/{userId}/unlock-step-up")
  String unlockStepUp(
      @PathVariable String environmentId,
      @PathVariable String userId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    UserDetail before = detail(environment, userId);
    try {
      unlock.unlock(
          new UnlockStepUpUseCase.Command(
              environment.id(),
              before.user().id(),
              admin.getName(),
              new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"))));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (!inline(request)) {
      return "redirect:/admin/environments/"
          + environment.id().value()
          + "/users/"
          + before.user().id().value();
    }
    fill(model, environment, detail(environment, userId));
    model.addAttribute("unlocked", true);
    return "console/users/user :: detail";
  }

  private void fill(Model model, Environment environment, UserDetail detail) {
    Instant now = clock.instant();
    model.addAttribute("environment", environment);
    model.addAttribute("userId", detail.user().id().value());
    model.addAttribute("createdAt", detail.user().createdAt().toString());
    model.addAttribute(
        "credentials", detail.user().credentials().stream().map(CredentialRow::of).toList());
    model.addAttribute("devices", detail.mfaDevices().stream().map(DeviceRow::of).toList());
    model.addAttribute("recoveryCodes", detail.unusedRecoveryCodes());
    model.addAttribute(
        "sessions", detail.sessions().stream().map(s -> SessionRow.of(s, now)).toList());
    model.addAttribute("activity", detail.recentActivity().stream().map(ActivityLine::of).toList());
    model.addAttribute("activeTokens", detail.activeTokens());
    model.addAttribute(
        "hasMfa", !detail.mfaDevices().isEmpty() || detail.unusedRecoveryCodes() > 0);
    model.addAttribute(
        "lockedUntil",
        lock.lockedUntil(environment.id(), detail.user().id()).map(Instant::toString).orElse(null));
  }

  private UserDetail detail(Environment environment, String userId) {
    try {
      return details
          .detail(environment.id(), new UserId(userId))
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  private static boolean inline(HttpServletRequest request) {
    return HtmxRequest.fromRequest(request).isHtmxRequest();
  }

  private Environment environment(String id) {
    try {
      return environments
          .find(new EnvironmentId(id))
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
