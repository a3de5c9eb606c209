package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stepup.application.fakes.DirectTransactions;
import dev.stepup.application.fakes.FakeSecretHasher;
import dev.stepup.application.fakes.FakeTokenSigner;
import dev.stepup.application.fakes.FakeWalletKeys;
import dev.stepup.application.fakes.FixedApiVersion;
import dev.stepup.application.fakes.InMemoryAdminAccounts;
import dev.stepup.application.fakes.InMemoryApiKeys;
import dev.stepup.application.fakes.InMemoryCodeSendGates;
import dev.stepup.application.fakes.InMemoryContactProofs;
import dev.stepup.application.fakes.InMemoryElevatedTokens;
import dev.stepup.application.fakes.InMemoryEmbeddedWallets;
import dev.stepup.application.fakes.InMemoryEnvironments;
import dev.stepup.application.fakes.InMemoryFailureTallies;
import dev.stepup.application.fakes.InMemoryLegacyMfaUses;
import dev.stepup.application.fakes.InMemoryOtpChallenges;
import dev.stepup.application.fakes.InMemoryPasskeys;
import dev.stepup.application.fakes.InMemoryPrompts;
import dev.stepup.application.fakes.InMemoryRecoveryCodes;
import dev.stepup.application.fakes.InMemorySessions;
import dev.stepup.application.fakes.InMemorySignInCodes;
import dev.stepup.application.fakes.InMemorySignInTallies;
import dev.stepup.application.fakes.InMemoryStepUpLockouts;
import dev.stepup.application.fakes.InMemoryTotpDevices;
import dev.stepup.application.fakes.InMemoryUsers;
import dev.stepup.application.fakes.InMemoryWebhookSettings;
import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.fakes.RecordingAuditTrail;
import dev.stepup.application.fakes.RecordingMessages;
import dev.stepup.application.fakes.RecordingWebhookQueue;
import dev.stepup.application.fakes.XorSecretCipher;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.ConfirmContactLinkUseCase;
import dev.stepup.application.port.in.credential.StartContactLinkUseCase;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SendStepUpCodeCommand;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.service.credential.ContactProofService;
import dev.stepup.application.service.credential.CredentialService;
import dev.stepup.application.service.environment.BootstrapService;
import dev.stepup.application.service.environment.CheckReturnAddressService;
import dev.stepup.application.service.environment.ConfigureStepUpService;
import dev.stepup.application.service.environment.HostScopeService;
import dev.stepup.application.service.mfa.MfaService;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.prompt.CreatePromptService;
import dev.stepup.application.service.prompt.ExchangeResultCodeService;
import dev.stepup.application.service.prompt.FinishPromptService;
import dev.stepup.application.service.prompt.OpenPromptService;
import dev.stepup.application.service.signin.EmailSignInService;
import dev.stepup.application.service.stepup.CheckStepUpService;
import dev.stepup.application.service.stepup.LegacyMfaService;
import dev.stepup.application.service.stepup.OtpProofChecker;
import dev.stepup.application.service.stepup.PasskeyProofChecker;
import dev.stepup.application.service.stepup.RecoveryCodeProofChecker;
import dev.stepup.application.service.stepup.SendStepUpCodeService;
import dev.stepup.application.service.stepup.SocialIdentities;
import dev.stepup.application.service.stepup.SocialProofChecker;
import dev.stepup.application.service.stepup.TotpProofChecker;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.application.service.stepup.WalletProofChecker;
import dev.stepup.application.service.token.ElevatedTokenService;
import dev.stepup.application.service.token.IntrospectElevatedTokenService;
import dev.stepup.application.service.token.ListElevatedTokensService;
import dev.stepup.application.service.token.ProtectedActionService;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.UnlockStepUpService;
import dev.stepup.application.service.user.UserService;
import dev.stepup.application.service.user.UserSessionsService;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.version.ApiVersionService;
import dev.stepup.application.service.wallet.DemoWalletService;
import dev.stepup.application.service.webhook.WebhookAuditTrail;
import dev.stepup.domain.attempt.HardLockPolicy;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Every service of the application wired to the in-memory fakes, with the steps a user takes (sign
 * in, receive a code, step up, enrol an authenticator app) as helpers.
 */
final class Fixture {

  /** A whole minute, so TOTP time steps start exactly at the clock's start. */
  static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

  static final EnvironmentId ENV = new EnvironmentId("acme");
  static final EnvironmentId OTHER_ENV = new EnvironmentId("globex");
  static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "service-test");
  static final Duration TOTP_STEP = Duration.ofSeconds(30);

  /** A hard lock lower than the default cap, so tests reach it quickly. */
  static final int HARD_LOCK_AFTER = 12;

  static final Duration HARD_LOCK_COOL_DOWN = Duration.ofHours(24);

  /**
   * Service tests move the clock by hours (throttles, locks) without the user doing anything, so
   * their sessions do not idle out; the idle timeout itself is tested with the defaults in {@link
   * UserServiceTest}.
   */
  static final SessionTimeouts LENIENT_SESSIONS =
      new SessionTimeouts(UserService.SESSION_LIFETIME, UserService.SESSION_LIFETIME);

  final MutableClock clock = new MutableClock(START);
  final InMemoryEnvironments environments = new InMemoryEnvironments();
  final InMemoryUsers users = new InMemoryUsers();
  final InMemorySessions sessions = new InMemorySessions();
  final InMemoryElevatedTokens tokens = new InMemoryElevatedTokens();
  final InMemoryOtpChallenges challenges = new InMemoryOtpChallenges();
  final InMemoryFailureTallies tallies = new InMemoryFailureTallies();
  final InMemoryTotpDevices totpDevices = new InMemoryTotpDevices();
  final InMemoryRecoveryCodes recoveryCodes = new InMemoryRecoveryCodes();
  final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
  final InMemoryAdminAccounts admins = new InMemoryAdminAccounts();
  final InMemoryEmbeddedWallets wallets = new InMemoryEmbeddedWallets();
  final InMemoryPasskeys passkeys = new InMemoryPasskeys();
  final RecordingAuditTrail audit = new RecordingAuditTrail();
  final RecordingMessages messages = new RecordingMessages();
  final FakeTokenSigner signer = new FakeTokenSigner();
  final XorSecretCipher cipher = new XorSecretCipher();
  final JdkTotp totp = new JdkTotp();
  final FakeSecretHasher hasher = new FakeSecretHasher();
  final FakeWalletKeys walletKeys = new FakeWalletKeys();
  final DirectTransactions transactions = new DirectTransactions();
  final StepUpPolicy policy = new StepUpPolicy();
  final SecurityNotifier notifier = new SecurityNotifier(users, messages, messages, clock);
  final InMemoryStepUpLockouts lockouts = new InMemoryStepUpLockouts();
  final InMemoryCodeSendGates sendGates = new InMemoryCodeSendGates();
  final InMemorySignInTallies signInTallies = new InMemorySignInTallies();
  final HardLockPolicy hardLock = new HardLockPolicy(HARD_LOCK_AFTER, HARD_LOCK_COOL_DOWN);
  final AttemptLimiter limiter =
      new AttemptLimiter(tallies, lockouts, hardLock, notifier, audit, clock);
  final UnlockStepUpService unlock = new UnlockStepUpService(users, lockouts, audit, clock);

  final TokenMint tokenMint = new TokenMint(tokens, signer, audit, transactions, clock);
  final InMemoryLegacyMfaUses legacyUses = new InMemoryLegacyMfaUses();
  final FixedApiVersion apiVersion = new FixedApiVersion();
  final ElevatedTokenService tokenService =
      new ElevatedTokenService(
          environments, users, sessions, tokens, signer, audit, transactions, clock);
  final IntrospectElevatedTokenService introspection =
      new IntrospectElevatedTokenService(sessions, tokens, signer, audit, transactions, clock);
  final ListElevatedTokensService tokenList =
      new ListElevatedTokensService(tokens, transactions, clock);
  final CheckStepUpService checkService =
      new CheckStepUpService(environments, users, sessions, tokens, signer, policy, audit, clock);
  final ProtectedActionService guard =
      new ProtectedActionService(
          environments,
          sessions,
          users,
          tokens,
          signer,
          audit,
          transactions,
          legacyUses,
          apiVersion,
          clock);
  final SendStepUpCodeService sendCode =
      new SendStepUpCodeService(
          environments,
          sessions,
          users,
          challenges,
          messages,
          messages,
          hasher,
          transactions,
          limiter,
          sendGates,
          policy,
          audit,
          clock);
  final VerifyStepUpService verify = verifyStepUpWith(totp);
  final LegacyMfaService legacyMfa =
      new LegacyMfaService(
          environments,
          sessions,
          users,
          checkService,
          verify,
          tokenMint,
          legacyUses,
          apiVersion,
          clock);
  final ApiVersionService apiVersions =
      new ApiVersionService(environments, legacyUses, audit, transactions, clock);
  final StepUpCodes codes = new StepUpCodes(verify);
  final MfaService mfa =
      new MfaService(
          environments,
          sessions,
          users,
          totpDevices,
          recoveryCodes,
          tokens,
          totp,
          totp,
          totp,
          cipher,
          hasher,
          guard,
          transactions,
          tallies,
          notifier,
          audit,
          clock);
  final CredentialService credentials =
      new CredentialService(
          environments,
          sessions,
          users,
          totpDevices,
          passkeys,
          recoveryCodes,
          tokens,
          guard,
          transactions,
          notifier,
          audit,
          clock);
  final InMemoryContactProofs contactProofs = new InMemoryContactProofs();
  final ContactProofService contacts =
      new ContactProofService(
          environments,
          sessions,
          users,
          contactProofs,
          messages,
          messages,
          sendGates,
          hasher,
          guard,
          transactions,
          notifier,
          audit,
          clock);
  final UserService userService =
      new UserService(
          environments,
          users,
          sessions,
          apiKeys,
          tokens,
          wallets,
          walletKeys,
          cipher,
          hasher,
          transactions,
          audit,
          clock,
          LENIENT_SESSIONS);
  final UserSessionsService userSessions =
      new UserSessionsService(users, sessions, tokens, transactions, audit, clock);
  final ConfigureStepUpService configure =
      new ConfigureStepUpService(environments, transactions, audit, clock);
  final HostScopeService hostScopes =
      new HostScopeService(environments, transactions, audit, clock);
  final BootstrapService bootstrap =
      new BootstrapService(environments, apiKeys, admins, hasher, transactions, audit, clock);
  final InMemorySignInCodes signInCodes = new InMemorySignInCodes();
  final EmailSignInService signIn =
      new EmailSignInService(
          environments,
          users,
          userService,
          signInCodes,
          messages,
          hasher,
          userService,
          transactions,
          signInTallies,
          sendGates,
          notifier,
          audit,
          clock);
  final CheckReturnAddressService returnAddresses = new CheckReturnAddressService(environments);
  final InMemoryPrompts prompts = new InMemoryPrompts();
  final CreatePromptService createPrompt =
      new CreatePromptService(environments, sessions, prompts, hasher, transactions, audit, clock);
  final OpenPromptService openPrompt = new OpenPromptService(prompts, sessions, hasher, clock);
  final FinishPromptService finishPrompt =
      new FinishPromptService(
          prompts, environments, users, policy, hasher, cipher, transactions, audit, clock);
  final ExchangeResultCodeService exchangeResultCode =
      new ExchangeResultCodeService(prompts, hasher, cipher, transactions, audit, clock);
  final DemoWalletService wallet =
      new DemoWalletService(
          environments,
          sessions,
          users,
          wallets,
          walletKeys,
          cipher,
          guard,
          audit,
          transactions,
          clock);

  /** The verification path with another TOTP verifier, e.g. one that observes calls. */
  VerifyStepUpService verifyStepUpWith(TotpVerifier verifier) {
    return new VerifyStepUpService(
        environments,
        sessions,
        users,
        new VerifyStepUpService.Checkers(
            new OtpProofChecker(challenges, hasher, policy, notifier),
            new TotpProofChecker(totpDevices, verifier, cipher, policy, notifier),
            new RecoveryCodeProofChecker(recoveryCodes, hasher, policy, notifier, transactions),
            // Passkeys, wallets and social logins have tests with their own ceremonies.
            new PasskeyProofChecker(
                passkeys,
                failing(PasskeyChallenges.class),
                failing(WebAuthnCeremonies.class),
                policy,
                notifier),
            new WalletProofChecker(
                failing(WalletChallenges.class), failing(WalletSignatures.class), policy),
            new SocialProofChecker(
                new SocialIdentities(
                    failing(SocialProviders.class), failing(OidcClient.class), cipher),
                policy)),
        tokenMint,
        transactions,
        limiter,
        audit,
        clock);
  }

  /** The code methods of the verification path, as the tests call them. */
  final class StepUpCodes {
    private final VerifyStepUpService verify;

    StepUpCodes(VerifyStepUpService verify) {
      this.verify = verify;
    }

    SendStepUpCodeUseCase.CodeSent send(SessionContext context, Optional<CredentialId> to) {
      return sendCode.send(new SendStepUpCodeCommand(context, to));
    }

    IssuedElevatedToken verifyOtp(SessionContext context, String code, Set<Scope> scopes) {
      return verify.verify(new VerifyStepUpCommand(context, new Proof.OtpProof(code), scopes));
    }

    IssuedElevatedToken verifyTotp(
        SessionContext context, String code, Optional<CredentialId> device, Set<Scope> scopes) {
      return verify.verify(
          new VerifyStepUpCommand(context, new Proof.TotpProof(code, device), scopes));
    }

    IssuedElevatedToken verifyRecoveryCode(SessionContext context, String code, Set<Scope> scopes) {
      return verify.verify(
          new VerifyStepUpCommand(context, new Proof.RecoveryCodeProof(code), scopes));
    }
  }

  StepUpCodes codesWith(TotpVerifier verifier) {
    return new StepUpCodes(verifyStepUpWith(verifier));
  }

  final InMemoryWebhookSettings webhookSettings = new InMemoryWebhookSettings();
  final RecordingWebhookQueue webhookQueue = new RecordingWebhookQueue();

  Fixture() {
    environments.save(Environment.create(ENV, "Acme"));
    environments.save(Environment.create(OTHER_ENV, "Globex"));
    // Audited step-up events queue webhooks, as WebhookAuditTrail does in the server.
    audit.forwardTo(new WebhookAuditTrail(event -> {}, webhookSettings, webhookQueue));
  }

  // ---- users and sessions ----------------------------------------------------------------------

  User emailUser(String email) {
    return createUser(ENV, Optional.of(email), Optional.empty(), false);
  }

  User createUser(
      EnvironmentId environmentId,
      Optional<String> email,
      Optional<String> phone,
      boolean embeddedWallet) {
    return userService.create(
        new CreateUserCommand(environmentId, email, phone, List.of(), embeddedWallet, ORIGIN));
  }

  /** Signs the user in with their oldest credential. */
  SessionContext signIn(User user) {
    return signIn(user, user.credentials().get(0).id());
  }

  SessionContext signIn(User user, CredentialId with) {
    var started =
        userService.start(
            new StartSessionCommand(user.environmentId(), user.id(), Optional.of(with), ORIGIN));
    return new SessionContext(user.environmentId(), started.sessionId(), ORIGIN);
  }

  User reload(User user) {
    return users.find(user.environmentId(), user.id()).orElseThrow();
  }

  static Credential credential(User user, CredentialFormat format) {
    return user.credentials().stream()
        .filter(c -> c.format() == format)
        .findFirst()
        .orElseThrow(() -> new AssertionError("user has no " + format + " credential"));
  }

  void changeSettings(EnvironmentId environmentId, UnaryOperator<StepUpSettings> change) {
    Environment environment = environments.find(environmentId).orElseThrow();
    assertThat(environment.reconfigure(change.apply(environment.settings())))
        .isInstanceOf(Environment.Reconfiguration.Applied.class);
    environments.save(environment);
  }

  // ---- tokens ----------------------------------------------------------------------------------

  /** A token as a successful email step-up would issue it to the session's user. */
  IssuedElevatedToken issueToken(SessionContext context, Scope... scopes) {
    var session = sessions.find(context.sessionId()).orElseThrow();
    return tokenService.issue(
        new IssueElevatedTokenCommand(
            context.environmentId(),
            session.userId(),
            Optional.of(context.sessionId()),
            Set.of(scopes),
            Optional.of(VerificationMethod.EMAIL_OTP),
            ORIGIN));
  }

  TokenState stateOf(IssuedElevatedToken issued) {
    return tokens.find(issued.tokenId()).orElseThrow().state(clock.instant());
  }

  // ---- codes -----------------------------------------------------------------------------------

  /** Asks for a code and reads it from the message, as the user would. */
  String sendCode(SessionContext context, String recipient) {
    codes.send(context, Optional.empty());
    return messages.lastCodeTo(recipient).orElseThrow();
  }

  IssuedElevatedToken stepUpWithEmail(SessionContext context, String email, Scope... scopes) {
    String code = sendCode(context, email);
    return codes.verifyOtp(context, code, Set.of(scopes));
  }

  /** Links an address or number the way a user must: a link token, then the code sent to it. */
  Credential linkProven(SessionContext context, String format, String value) {
    var pending =
        contacts.start(
            new StartContactLinkUseCase.Command(
                context,
                format,
                value,
                Optional.of(issueToken(context, Scope.CREDENTIAL_LINK).elevatedAccessToken())));
    String recipient = format.equals("email") ? value.toLowerCase(java.util.Locale.ROOT) : value;
    return contacts.confirm(
        new ConfirmContactLinkUseCase.Command(
            context, pending.pendingId(), messages.lastCodeTo(recipient).orElseThrow()));
  }

  /** A six-digit code that is surely not {@code code}. */
  static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  /** A pending TOTP device started with an elevated token for {@code credential:link}. */
  record Enrolled(CredentialId deviceId, byte[] secret, List<String> recoveryCodes) {}

  /** Starts and confirms a TOTP device with the code the app shows now. */
  Enrolled enrolTotp(SessionContext context, String linkToken) {
    TotpEnrolment enrolment =
        mfa.startTotpEnrolment(
            new StartTotpEnrolmentUseCase.Command(
                context, Optional.of("Phone"), Optional.of(linkToken)));
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());
    List<String> recovery =
        mfa.confirmTotp(
            new ConfirmTotpEnrolmentUseCase.Command(
                context, enrolment.deviceId(), JdkTotp.codeAt(secret, clock.instant())));
    return new Enrolled(enrolment.deviceId(), secret, recovery);
  }

  /** An email user who stepped up by email and enrolled an authenticator app. */
  Enrolled enrolTotpByEmail(SessionContext context, String email) {
    IssuedElevatedToken link = stepUpWithEmail(context, email, Scope.CREDENTIAL_LINK);
    return enrolTotp(context, link.elevatedAccessToken());
  }

  String totpNow(byte[] secret) {
    return JdkTotp.codeAt(secret, clock.instant());
  }

  /** A code that matches none of the steps TOTP accepts now. */
  String wrongTotp(byte[] secret) {
    Instant now = clock.instant();
    Set<String> valid =
        Set.of(
            JdkTotp.codeAt(secret, now.minus(TOTP_STEP)),
            JdkTotp.codeAt(secret, now),
            // Not accepted, but a wrong code should not be one of the next step either.
            JdkTotp.codeAt(secret, now.plus(TOTP_STEP)));
    String candidate = "000000";
    while (valid.contains(candidate)) {
      candidate = otherThan(candidate);
    }
    return candidate;
  }

  // ---- observing -------------------------------------------------------------------------------

  List<AuditEvent> events(AuditEventType type) {
    return audit.events().stream().filter(e -> e.type() == type).toList();
  }

  AuditEvent lastEvent(AuditEventType type) {
    List<AuditEvent> found = events(type);
    assertThat(found).as("audited %s events", type).isNotEmpty();
    return found.get(found.size() - 1);
  }

  /** Runs {@code call}, which must be refused, and answers the refusal. */
  static RefusedException refusal(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(RefusedException.class);
    return (RefusedException) thrown;
  }

  /**
   * Runs {@code work} on {@code threads} threads released at once; answers, per thread, what it
   * returned or the exception it threw.
   */
  static List<Object> race(int threads, Callable<?> work) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return work.call();
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        try {
          outcomes.add(future.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
          throw new AssertionError("a racing thread did not finish", e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** An implementation of {@code port} whose every method fails, as a broken database would. */
  static <T> T failing(Class<T> port) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              throw new IllegalStateException("storage unavailable: " + method.getName());
            }));
  }
}
