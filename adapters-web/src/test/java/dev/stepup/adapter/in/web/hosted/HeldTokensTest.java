package dev.stepup.adapter.in.web.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.security.SealBrowserSecretsUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedTokenId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Tokens the hosted pages hold for the user: single use per scope, each scope handed out once. */
class HeldTokensTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final SessionContext SESSION =
      new SessionContext(
          new EnvironmentId("demo"), new SessionId("ses_1"), RequestOrigin.internal());

  /** Seals by copying: what is tested here is which token is handed out, not the sealing. */
  private final HeldTokens held =
      new HeldTokens(
          new SealBrowserSecretsUseCase() {
            @Override
            public byte[] seal(String secret) {
              return secret.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Optional<String> open(byte[] sealed) {
              return Optional.of(new String(sealed, StandardCharsets.UTF_8));
            }
          });

  private final MockHttpServletRequest request = new MockHttpServletRequest();

  @Test
  void aSingleUseTokenForTwoScopesIsHandedOutOncePerScope() {
    held.keep(
        request,
        SESSION,
        new IssuedElevatedToken(
            "jwt-two",
            new ElevatedTokenId("tok_two"),
            Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
            true,
            NOW.plusSeconds(300)));

    assertThat(held.take(request, SESSION, Scope.WALLET_EXPORT, NOW)).contains("jwt-two");
    assertThat(held.take(request, SESSION, Scope.WALLET_EXPORT, NOW)).isEmpty();
    assertThat(held.take(request, SESSION, Scope.WALLET_SIGN, NOW)).contains("jwt-two");
    assertThat(held.take(request, SESSION, Scope.WALLET_SIGN, NOW)).isEmpty();
  }

  @Test
  void aMultiUseTokenStaysHeldUntilItExpires() {
    held.keep(
        request,
        SESSION,
        new IssuedElevatedToken(
            "jwt-multi",
            new ElevatedTokenId("tok_multi"),
            Set.of(Scope.WALLET_SIGN),
            false,
            NOW.plusSeconds(600)));

    assertThat(held.take(request, SESSION, Scope.WALLET_SIGN, NOW)).contains("jwt-multi");
    assertThat(held.take(request, SESSION, Scope.WALLET_SIGN, NOW)).contains("jwt-multi");
    assertThat(held.take(request, SESSION, Scope.WALLET_SIGN, NOW.plusSeconds(600))).isEmpty();
  }
}
