package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.token.TokenPage;
import dev.stepup.application.port.in.token.TokenSummary;
import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issued tokens: the whole page or, for htmx, the table; revoking swaps just the row. */
class IssuedTokensControllerTest extends ConsoleSliceTest {

  private static final String TOKENS = "/admin/environments/demo/tokens";

  private static TokenSummary summary(TokenState state) {
    return new TokenSummary(
        new ElevatedTokenId("tok_1"),
        new UserId("usr_1"),
        Optional.empty(),
        Set.of(Scope.WALLET_SIGN),
        Optional.empty(),
        true,
        NOW,
        NOW.plus(Duration.ofMinutes(5)),
        state,
        Optional.empty(),
        Set.of(Scope.WALLET_SIGN),
        java.util.Map.of());
  }

  private static TokenSummary bound() {
    return new TokenSummary(
        new ElevatedTokenId("tok_2"),
        new UserId("usr_1"),
        Optional.empty(),
        Set.of(Scope.WALLET_SIGN),
        Optional.empty(),
        true,
        NOW,
        NOW.plus(Duration.ofMinutes(5)),
        TokenState.ACTIVE,
        Optional.of(
            new OperationBinding(
                Optional.of("wal_A"),
                Optional.of(OperationDigest.parse("ab".repeat(32))),
                Optional.of(Amount.parse("100.50", "EUR")))),
        Set.of(Scope.WALLET_SIGN),
        java.util.Map.of());
  }

  @Test
  void eachTokenShowsTheOperationItIsBoundTo() throws Exception {
    when(tokens.list(any()))
        .thenReturn(new TokenPage(List.of(summary(TokenState.ACTIVE), bound()), 2, 0, 50));
    mvc.perform(get(TOKENS).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Bound to")))
        .andExpect(
            content().string(containsString("wal_A · SHA-256 abababababab… · at most 100.5 EUR")))
        .andExpect(content().string(containsString("title=\"SHA-256 " + "ab".repeat(32) + "\"")))
        .andExpect(content().string(containsString(">any operation<")));
  }

  @BeforeEach
  void oneActiveToken() {
    when(environments.find(DEMO)).thenReturn(Optional.of(DEMO_ENVIRONMENT));
    when(tokens.list(any()))
        .thenReturn(new TokenPage(List.of(summary(TokenState.ACTIVE)), 1, 0, 50));
  }

  @Test
  void aVisitGetsThePageWithTheTable() throws Exception {
    mvc.perform(get(TOKENS).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("id=\"token-tok_1\"")))
        .andExpect(content().string(containsString("id=\"revoke-tok_1\"")));
  }

  @Test
  void anHtmxFilterGetsOnlyTheTable() throws Exception {
    mvc.perform(get(TOKENS).with(admin()).header("HX-Request", "true").param("state", "active"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"tokens\"")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void aPlainRevokeGoesBackToThePage() throws Exception {
    mvc.perform(post(TOKENS + "/tok_1/revoke").with(admin()).with(csrf()))
        .andExpect(redirectedUrl(TOKENS));
    verify(revokeToken)
        .revokeById(
            argThat(
                c ->
                    c != null
                        && c.environmentId().equals(DEMO)
                        && c.tokenId().equals(new ElevatedTokenId("tok_1"))
                        && c.actor().equals("admin:admin")));
  }

  @Test
  void anHtmxRevokeAnswersTheRevokedRowOnly() throws Exception {
    when(findToken.find(DEMO, new ElevatedTokenId("tok_1")))
        .thenReturn(Optional.of(summary(TokenState.REVOKED)));
    mvc.perform(
            post(TOKENS + "/tok_1/revoke").with(admin()).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"token-tok_1\"")))
        .andExpect(content().string(containsString("revoked")))
        .andExpect(content().string(not(containsString("id=\"revoke-tok_1\""))))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void anUnknownEnvironmentIsNotFound() throws Exception {
    mvc.perform(get("/admin/environments/nowhere/tokens").with(admin()))
        .andExpect(status().isNotFound());
  }
}
