package dev.stepup.server.console;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import dev.stepup.server.pages.PagesTestServer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The issued-tokens view says what each token is bound to, from the stored record. */
class BoundTokensPageIT extends PagesTestServer {

  @Autowired CreateUserUseCase users;
  @Autowired IssueElevatedTokenUseCase issue;

  @Test
  void theIssuedTokensViewShowsEachTokensBinding() throws Exception {
    var user =
        users.create(
            new CreateUserCommand(
                DEMO,
                Optional.of("bound@example.test"),
                Optional.empty(),
                List.of(),
                false,
                RequestOrigin.internal()));
    OperationDigest digest = OperationDigest.ofMessage("transfer #42");
    IssuedElevatedToken bound =
        issue.issue(
            new IssueElevatedTokenCommand(
                DEMO,
                user.id(),
                Optional.empty(),
                Set.of(Scope.WALLET_SIGN),
                Optional.empty(),
                RequestOrigin.internal(),
                Optional.of(
                    new OperationBinding(
                        Optional.of("wal_console"),
                        Optional.of(digest),
                        Optional.of(Amount.parse("99.90", "USDC"))))));
    issue.issue(
        new IssueElevatedTokenCommand(
            DEMO,
            user.id(),
            Optional.empty(),
            Set.of(Scope.WALLET_EXPORT),
            Optional.empty(),
            RequestOrigin.internal()));

    mvc.perform(
            console.asAdmin(
                get("/admin/environments/demo/tokens").param("user", user.id().value())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("token-" + bound.tokenId().value())))
        .andExpect(content().string(containsString("Bound to")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "wal_console · SHA-256 " + digest.shortened() + " · at most 99.9 USDC")))
        .andExpect(content().string(containsString("title=\"SHA-256 " + digest.hex() + "\"")))
        .andExpect(content().string(containsString(">any operation<")));
  }
}
