package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.token.FindElevatedTokenUseCase;
import dev.stepup.application.port.in.token.ListElevatedTokensQuery;
import dev.stepup.application.port.in.token.ListElevatedTokensUseCase;
import dev.stepup.application.port.in.token.RevokeElevatedTokenByIdUseCase;
import dev.stepup.application.port.in.token.TokenPage;
import dev.stepup.application.port.in.token.TokenSummary;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The issued elevated tokens of an environment: filter, page, and revoke in place. */
@Controller
class IssuedTokensController {

  static final int PAGE_SIZE = 25;

  private final FindEnvironmentsUseCase environments;
  private final ListElevatedTokensUseCase list;
  private final FindElevatedTokenUseCase find;
  private final RevokeElevatedTokenByIdUseCase revoke;

  IssuedTokensController(
      FindEnvironmentsUseCase environments,
      ListElevatedTokensUseCase list,
      FindElevatedTokenUseCase find,
      RevokeElevatedTokenByIdUseCase revoke) {
    this.environments = environments;
    this.list = list;
    this.find = find;
    this.revoke = revoke;
  }

  /** A token row as the table shows it. */
  record Row(
      String id,
      String userId,
      String scopes,
      String method,
      String use,
      String issuedAt,
      String expiresAt,
      String state,
      String boundTo,
      String boundDigest,
      List<ScopeUse> perScope) {

    static Row of(TokenSummary t) {
      return new Row(
          t.id().value(),
          t.userId().value(),
          Scope.joinWire(t.scopes()),
          t.method().map(m -> m.wire()).orElse("backend"),
          t.singleUse() ? "single" : "multi",
          t.issuedAt().toString(),
          t.expiresAt().toString(),
          t.state().wire(),
          t.operation().map(BoundOperationWords::of).orElse("any operation"),
          t.operation().flatMap(OperationBinding::digest).map(OperationDigest::hex).orElse(""),
          ScopeUse.of(t));
    }
  }

  /**
   * One scope of a token row: single- or multi-use, and when it was spent (single use per scope).
   */
  record ScopeUse(String scope, String use, String spentAt) {

    /** How the page words it: "single-use", "single-use, spent 2026-…Z" or "multi-use". */
    public String label() {
      return spentAt.isEmpty() ? use : use + ", spent " + spentAt;
    }

    static List<ScopeUse> of(TokenSummary t) {
      return t.scopes().stream()
          .sorted()
          .map(
              s ->
                  new ScopeUse(
                      s.wire(),
                      t.singleUseScopes().contains(s) ? "single-use" : "multi-use",
                      Optional.ofNullable(t.spentScopes().get(s)).map(Object::toString).orElse("")))
          .toList();
    }
  }

  @GetMapping("/admin/environments/{environmentId}/tokens")
  String tokens(
      @PathVariable String environmentId,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String user,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    Optional<TokenState> stateFilter =
        blank(state)
            ? Optional.empty()
            : Arrays.stream(TokenState.values()).filter(s -> s.wire().equals(state)).findFirst();
    Optional<Scope> scopeFilter = blank(scope) ? Optional.empty() : Scope.fromWire(scope);
    Optional<UserId> userFilter =
        blank(user) ? Optional.empty() : Optional.of(new UserId(user.strip()));
    TokenPage result =
        list.list(
            new ListElevatedTokensQuery(
                environment.id(),
                stateFilter,
                scopeFilter,
                userFilter,
                Math.max(0, page),
                PAGE_SIZE));
    model.addAttribute("environment", environment);
    model.addAttribute("rows", result.tokens().stream().map(Row::of).toList());
    model.addAttribute("page", result.page());
    model.addAttribute("pageCount", result.pageCount());
    model.addAttribute("total", result.total());
    model.addAttribute("state", stateFilter.map(TokenState::wire).orElse(""));
    model.addAttribute("scope", scopeFilter.map(Scope::wire).orElse(""));
    model.addAttribute("user", userFilter.map(UserId::value).orElse(""));
    model.addAttribute("states", Arrays.stream(TokenState.values()).map(TokenState::wire).toList());
    model.addAttribute(
        "scopes", environment.settings().actions().keySet().stream().map(Scope::wire).toList());
    boolean inline = HtmxRequest.fromRequest(request).isHtmxRequest();
    return inline ? "console/tokens/tokens :: table" : "console/tokens/tokens";
  }

  @PostMapping("/admin/environments/{environmentId}/tokens/{tokenId}/revoke")
  String revoke(
      @PathVariable String environmentId,
      @PathVariable String tokenId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    revoke.revokeById(
        new RevokeElevatedTokenByIdUseCase.Command(
            environment.id(),
            new ElevatedTokenId(tokenId),
            "admin:" + admin.getName(),
            new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"))));
    if (!HtmxRequest.fromRequest(request).isHtmxRequest()) {
      return "redirect:/admin/environments/" + environment.id().value() + "/tokens";
    }
    Optional<TokenSummary> updated = find.find(environment.id(), new ElevatedTokenId(tokenId));
    model.addAttribute("environment", environment);
    model.addAttribute("row", updated.map(Row::of).orElse(null));
    return "console/tokens/row :: row";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
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
