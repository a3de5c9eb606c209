package dev.stepup.adapter.in.web;

import dev.stepup.application.port.in.credential.LinkContactUseCase;
import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.credential.ManageCredentialsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.mfa.ManageMfaUseCase;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase;
import dev.stepup.application.port.in.signin.SignInWithCodeUseCase;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.SendOtpUseCase;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase;
import dev.stepup.application.port.in.stepup.VerifyCodeUseCase;
import dev.stepup.application.port.in.stepup.WalletStepUpUseCase;
import dev.stepup.application.port.in.token.GetVerificationKeysUseCase;
import dev.stepup.application.port.in.token.IntrospectElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.RevokeElevatedTokenUseCase;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.user.ManageUserSessionsUseCase;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.wallet.DemoWalletUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web adapter alone, for the controllers' slice tests: every controller, advice, resolver and
 * web component of the adapter, with every in-port a Mockito mock. All slice tests extending this
 * share one Spring context (the mocks are reset after each test), so a test class is cheap.
 */
@WebMvcTest(
    // JSON as the server writes it (admin-console's application.yml): absent fields left out.
    properties = "spring.jackson.default-property-inclusion=non_absent",
    includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Component.class))
@Import(SliceClock.class)
public abstract class WebSliceTest {

  public static final EnvironmentId DEMO = new EnvironmentId("demo");
  public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Autowired protected MockMvc mvc;

  @MockitoBean protected AuthenticateCallerUseCase authenticate;
  @MockitoBean protected CheckReturnAddressUseCase returnAddresses;
  @MockitoBean protected SendSignInCodeUseCase sendSignInCode;
  @MockitoBean protected SignInWithCodeUseCase signInWithCode;
  @MockitoBean protected EndSessionUseCase endSession;
  @MockitoBean protected StartSessionUseCase startSession;
  @MockitoBean protected ManageUserSessionsUseCase userSessions;
  @MockitoBean protected CreateUserUseCase createUser;
  @MockitoBean protected GetUserUseCase getUser;
  @MockitoBean protected CheckStepUpUseCase checkStepUp;
  @MockitoBean protected SendOtpUseCase sendOtp;
  @MockitoBean protected VerifyCodeUseCase verifyCode;
  @MockitoBean protected WalletStepUpUseCase walletStepUp;
  @MockitoBean protected SocialStepUpUseCase socialStepUp;
  @MockitoBean protected PasskeyUseCase passkeys;
  @MockitoBean protected ManageMfaUseCase mfa;
  @MockitoBean protected ManageCredentialsUseCase credentials;
  @MockitoBean protected LinkContactUseCase linkContact;
  @MockitoBean protected LinkWalletUseCase linkWallet;
  @MockitoBean protected LinkSocialAccountUseCase linkSocial;
  @MockitoBean protected ManageSocialProvidersUseCase socialProviders;
  @MockitoBean protected IssueElevatedTokenUseCase issueToken;
  @MockitoBean protected IntrospectElevatedTokenUseCase introspectToken;
  @MockitoBean protected RevokeElevatedTokenUseCase revokeToken;
  @MockitoBean protected GetVerificationKeysUseCase verificationKeys;
  @MockitoBean protected DemoWalletUseCase demoWallet;

  /** An active session of user {@code usr_1} in the demo environment. */
  protected static Session session() {
    return new Session(
        new SessionId("ses_1"),
        DEMO,
        new UserId("usr_1"),
        Optional.empty(),
        NOW,
        NOW.plus(Duration.ofHours(1)),
        NOW,
        Duration.ofMinutes(30),
        null);
  }
}
