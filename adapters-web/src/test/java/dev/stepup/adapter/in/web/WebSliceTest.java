package dev.stepup.adapter.in.web;

import static org.mockito.ArgumentMatchers.argThat;

import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase;
import dev.stepup.application.port.in.credential.ConfirmContactLinkUseCase;
import dev.stepup.application.port.in.credential.GetSignedInUserUseCase;
import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.credential.ResendContactLinkCodeUseCase;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.externalauth.AuthenticateAssertionUseCase;
import dev.stepup.application.port.in.externalauth.ExchangeTokenUseCase;
import dev.stepup.application.port.in.mfa.ChooseDefaultMfaUseCase;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.mfa.RegenerateRecoveryCodesUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.prompt.CreatePromptUseCase;
import dev.stepup.application.port.in.prompt.ExchangeResultCodeUseCase;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase;
import dev.stepup.application.port.in.prompt.OpenPromptUseCase;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase;
import dev.stepup.application.port.in.signin.SignInWithCodeUseCase;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpUseCase;
import dev.stepup.application.port.in.stepup.StartSocialLinkUseCase;
import dev.stepup.application.port.in.stepup.StartSocialStepUpUseCase;
import dev.stepup.application.port.in.stepup.StartWalletStepUpUseCase;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.token.GetVerificationKeysUseCase;
import dev.stepup.application.port.in.token.IntrospectElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.RevokeElevatedTokenUseCase;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.EndUserSessionUseCase;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.user.ListUserSessionsUseCase;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.application.port.in.wallet.ExportWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.RefreshWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.ReshareWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.SignWithWalletUseCase;
import dev.stepup.application.port.in.webhook.ReadWebhookUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
@Import({SliceClock.class, SliceSecrets.class})
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
  @MockitoBean protected ListUserSessionsUseCase listUserSessions;
  @MockitoBean protected EndUserSessionUseCase endUserSession;
  @MockitoBean protected CreateUserUseCase createUser;
  @MockitoBean protected GetUserUseCase getUser;
  @MockitoBean protected CheckStepUpUseCase checkStepUp;
  @MockitoBean protected SendStepUpCodeUseCase sendStepUpCode;
  @MockitoBean protected VerifyStepUpUseCase verifyStepUp;
  @MockitoBean protected StartWalletStepUpUseCase startWalletStepUp;
  @MockitoBean protected StartPasskeyStepUpUseCase startPasskeyStepUp;
  @MockitoBean protected StartSocialStepUpUseCase startSocialStepUp;
  @MockitoBean protected StartSocialLinkUseCase startSocialLink;
  @MockitoBean protected FinishSocialLoginUseCase finishSocialLogin;
  @MockitoBean protected PasskeyUseCase passkeys;
  @MockitoBean protected StartTotpEnrolmentUseCase startTotp;
  @MockitoBean protected ConfirmTotpEnrolmentUseCase confirmTotp;
  @MockitoBean protected RegenerateRecoveryCodesUseCase recoveryCodes;
  @MockitoBean protected ChooseDefaultMfaUseCase defaultMfa;
  @MockitoBean protected GetSignedInUserUseCase signedInUser;
  @MockitoBean protected UnlinkCredentialUseCase unlinkCredential;
  @MockitoBean protected LinkCredentialUseCase linking;
  @MockitoBean protected ConfirmContactLinkUseCase confirmContactLink;
  @MockitoBean protected ResendContactLinkCodeUseCase resendContactLink;
  @MockitoBean protected LinkWalletUseCase linkWallet;
  @MockitoBean protected ManageSocialProvidersUseCase socialProviders;
  @MockitoBean protected IssueElevatedTokenUseCase issueToken;
  @MockitoBean protected IntrospectElevatedTokenUseCase introspectToken;
  @MockitoBean protected RevokeElevatedTokenUseCase revokeToken;
  @MockitoBean protected GetVerificationKeysUseCase verificationKeys;
  @MockitoBean protected ExportWalletKeyUseCase exportWalletKey;
  @MockitoBean protected SignWithWalletUseCase signWithWallet;
  @MockitoBean protected RefreshWalletKeyUseCase refreshWalletKey;
  @MockitoBean protected ReshareWalletKeyUseCase reshareWalletKey;
  @MockitoBean protected FindEnvironmentsUseCase findEnvironments;
  @MockitoBean protected CreatePromptUseCase createPrompt;
  @MockitoBean protected OpenPromptUseCase openPrompt;
  @MockitoBean protected VisitPromptUseCase visitPrompt;
  @MockitoBean protected FinishPromptUseCase finishPrompt;
  @MockitoBean protected ExchangeResultCodeUseCase exchangeResultCode;
  @MockitoBean protected VerifyAuditChainUseCase verifyAuditChain;
  @MockitoBean protected ExchangeTokenUseCase exchangeToken;
  @MockitoBean protected AuthenticateAssertionUseCase authenticateAssertion;
  @MockitoBean protected ReadWebhookUseCase readWebhook;
  @MockitoBean protected LegacyMfaUseCase legacyMfa;

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

  /** Matches a verification presenting exactly this proof, for any scopes. */
  protected static VerifyStepUpCommand presenting(Proof proof) {
    return argThat(command -> command != null && command.proof().equals(proof));
  }

  /** Matches a verification presenting exactly this proof for exactly these scopes. */
  protected static VerifyStepUpCommand presenting(Proof proof, Scope... scopes) {
    return argThat(
        command ->
            command != null
                && command.proof().equals(proof)
                && command.scopes().equals(Set.of(scopes)));
  }

  /** Matches a link of exactly this kind (a contact, a wallet, a social account). */
  protected static <T extends LinkCredentialCommand> LinkCredentialCommand linkOf(
      Class<T> kind, Predicate<T> matches) {
    return argThat(command -> kind.isInstance(command) && matches.test(kind.cast(command)));
  }

  /** Matches a verification presenting any proof of this kind (an OTP, a TOTP code, ...). */
  protected static VerifyStepUpCommand presentingA(Class<? extends Proof> kind) {
    return argThat(command -> command != null && kind.isInstance(command.proof()));
  }
}
