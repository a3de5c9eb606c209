package dev.stepup.adapter.in.web.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.stepup.adapter.in.web.WebSliceTest;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.ApiKeyAccess;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedTokenId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What the REST controllers' slice tests share: an end user's session token and host backend keys
 * (one holding every permission, one holding none), recognised for the demo environment only.
 */
public abstract class ApiSliceTest extends WebSliceTest {

  public static final String ENV = "/api/v1/environments/demo";
  public static final String USER_BEARER = "Bearer good-session";
  public static final String KEY_BEARER = "Bearer sk_all";
  public static final String WEAK_KEY_BEARER = "Bearer sk_none";

  /** The session token of {@code usr_1}'s session works; any other token does not. */
  protected void endUserSignedIn() {
    when(authenticate.session(eq(DEMO), eq("good-session"), any()))
        .thenReturn(Optional.of(session()));
  }

  /** {@code sk_all} holds every permission; {@code sk_none} is valid but holds none. */
  protected void hostBackendKeys() {
    when(authenticate.apiKey(eq(DEMO), eq("sk_all"), any(ApiPermission.class), any()))
        .thenReturn(new ApiKeyAccess.Granted("key_all", ApiPermission.ALL));
    when(authenticate.apiKey(eq(DEMO), eq("sk_none"), any(ApiPermission.class), any()))
        .thenAnswer(
            call -> new ApiKeyAccess.Forbidden(call.getArgument(2, ApiPermission.class), Set.of()));
  }

  protected static IssuedElevatedToken token(Scope scope) {
    return new IssuedElevatedToken(
        "eat_secret",
        new ElevatedTokenId("tok_1"),
        Set.of(scope),
        true,
        NOW.plus(Duration.ofMinutes(5)));
  }
}
