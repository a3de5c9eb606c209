package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.IntrospectElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.scope.Scope;
import dev.stepup.server.pages.PagesTestServer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The issued-tokens view shows, per scope, whether it is single-use and when it was spent. */
class IssuedTokensPerScopeIT extends PagesTestServer {

  @Autowired CreateUserUseCase users;
  @Autowired IssueElevatedTokenUseCase issue;
  @Autowired IntrospectElevatedTokenUseCase introspect;

  @Test
  void aSpentScopeIsShownSpentAndTheOtherUsable() throws Exception {
    var user =
        users.create(
            new CreateUserCommand(
                DEMO,
                Optional.of("perscope@example.test"),
                Optional.empty(),
                List.of(),
                false,
                RequestOrigin.internal()));
    // Under the defaults wallet:export is single-use and wallet:sign multi-use.
    IssuedElevatedToken token =
        issue.issue(
            new IssueElevatedTokenCommand(
                DEMO,
                user.id(),
                Optional.empty(),
                Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
                Optional.empty(),
                RequestOrigin.internal()));
    introspect.introspect(
        new IntrospectCommand(
            DEMO,
            token.elevatedAccessToken(),
            Optional.of(Scope.WALLET_EXPORT),
            true,
            RequestOrigin.internal()));

    String html =
        mvc.perform(
                console.asAdmin(
                    get("/admin/environments/demo/tokens").param("user", user.id().value())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    String id = token.tokenId().value();
    assertThat(html)
        .containsPattern(
            "id=\"scope-"
                + id
                + "-wallet:export\" class=\"scope-spent\">wallet:export \\(single-use, spent 20\\d\\d-")
        .contains(
            "id=\"scope-"
                + id
                + "-wallet:sign\" class=\"scope-usable\">wallet:sign (multi-use)</span>")
        // The token as a whole is still active (wallet:sign), so it can still be revoked.
        .contains("revoke-" + id);
  }
}
