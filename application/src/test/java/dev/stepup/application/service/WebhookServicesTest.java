package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.fakes.InMemoryPasskeys;
import dev.stepup.application.fakes.RecordingWebhookQueue.Queued;
import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.application.port.in.webhook.RotateWebhookSecretUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.mfa.ResetMfaService;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import dev.stepup.domain.webhook.WebhookEvent;
import dev.stepup.domain.webhook.WebhookEventType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Webhook settings as admins manage them, and the audited step-up events that queue a webhook: only
 * for the environment's own endpoint, only the types it chose, never a token or code.
 */
class WebhookServicesTest {

  private static final Set<String> ALL =
      Set.of(
          "token.issued",
          "token.consumed",
          "token.revoked",
          "mfa.enrolled",
          "mfa.reset",
          "lockout");

  private final Fixture f = new Fixture();
  private final WebhookAdminServiceFactory admin = new WebhookAdminServiceFactory();

  /** Builds the admin service over the fixture, with or without loopback endpoints. */
  private final class WebhookAdminServiceFactory {
    dev.stepup.application.service.webhook.WebhookAdminService with(boolean loopback) {
      return new dev.stepup.application.service.webhook.WebhookAdminService(
          f.environments,
          f.webhookSettings,
          (environmentId, limit) -> List.of(),
          f.cipher,
          f.transactions,
          f.audit,
          f.clock,
          loopback);
    }
  }

  private ConfigureWebhookUseCase.Result configure(
      EnvironmentId env, String url, Set<String> types) {
    return admin
        .with(false)
        .configure(new ConfigureWebhookUseCase.Command(env, url, types, "root", ORIGIN));
  }

  @Test
  void theSecretIsGeneratedOnceSealedAndRotatedAndEachChangeIsAudited() {
    var first = configure(ENV, "https://host.example/hooks", Set.of("token.issued"));
    String secret = first.newSecret().orElseThrow();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
    byte[] sealed = f.webhookSettings.find(ENV).orElseThrow().sealedSecret();
    assertThat(new String(sealed, StandardCharsets.UTF_8)).isNotEqualTo(secret);
    assertThat(new String(f.cipher.decrypt(sealed), StandardCharsets.UTF_8)).isEqualTo(secret);
    AuditEvent audited = f.lastEvent(AuditEventType.SETTINGS_CHANGED);
    assertThat(audited.actor()).contains("root");
    assertThat(audited.reason().orElseThrow())
        .contains("https://host.example/hooks")
        .doesNotContain(secret);

    // Changing the endpoint keeps the secret and shows nothing new.
    var second = configure(ENV, "https://host.example/v2", Set.of("token.issued", "lockout"));
    assertThat(second.newSecret()).isEmpty();
    assertThat(f.cipher.decrypt(f.webhookSettings.find(ENV).orElseThrow().sealedSecret()))
        .isEqualTo(secret.getBytes(StandardCharsets.UTF_8));

    String rotated =
        admin.with(false).rotate(new RotateWebhookSecretUseCase.Command(ENV, "root", ORIGIN));
    assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
    assertThat(f.cipher.decrypt(f.webhookSettings.find(ENV).orElseThrow().sealedSecret()))
        .isEqualTo(rotated.getBytes(StandardCharsets.UTF_8));
    assertThat(f.lastEvent(AuditEventType.SETTINGS_CHANGED).reason())
        .contains("webhook secret rotated");
    assertThat(f.events(AuditEventType.SETTINGS_CHANGED)).hasSize(3);
  }

  @Test
  void plainHttpLoopbackOutsideDevelopmentAndMetadataAddressesAreRefusedAndNothingIsSaved() {
    for (String url :
        List.of(
            "http://host.example/hooks",
            "http://localhost:8080/hooks",
            "https://169.254.169.254/latest/meta-data",
            "https://[fd00:ec2::254]/",
            "https://user:pw@host.example/hooks",
            "ftp://host.example/hooks")) {
      assertThatThrownBy(() -> configure(ENV, url, ALL))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> configure(ENV, "https://host.example/hooks", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> configure(ENV, "https://host.example/hooks", Set.of("token.minted")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> configure(new EnvironmentId("nowhere"), "https://host.example/hooks", ALL))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.webhookSettings.find(ENV)).isEmpty();
    assertThat(f.events(AuditEventType.SETTINGS_CHANGED)).isEmpty();

    // In development a local receiver is fine.
    var local =
        admin
            .with(true)
            .configure(
                new ConfigureWebhookUseCase.Command(
                    ENV, "http://localhost:9000/hooks", ALL, "root", ORIGIN));
    assertThat(local.settings().endpoint().toString()).isEqualTo("http://localhost:9000/hooks");
  }

  @Test
  void anIssuedConsumedAndRevokedTokenEachQueueOneEventForTheEnvironmentsOwnEndpoint() {
    configure(ENV, "https://acme.example/hooks", ALL);
    configure(OTHER_ENV, "https://globex.example/hooks", ALL);
    User ann = f.emailUser("ann@example.com");
    SessionContext session = f.signIn(ann);

    var spent = f.issueToken(session, Scope.WALLET_EXPORT);
    f.introspection.introspect(
        new dev.stepup.application.port.in.token.IntrospectCommand(
            ENV,
            spent.elevatedAccessToken(),
            java.util.Optional.of(Scope.WALLET_EXPORT),
            true,
            ORIGIN));
    var revoked = f.issueToken(session, Scope.WALLET_SIGN);
    f.tokenService.revoke(
        new dev.stepup.application.port.in.token.RevokeCommand(
            ENV, revoked.elevatedAccessToken(), "host", ORIGIN));

    List<Queued> queued = f.webhookQueue.queued();
    assertThat(queued)
        .extracting(q -> q.event().type())
        .containsExactly(
            WebhookEventType.TOKEN_ISSUED,
            WebhookEventType.TOKEN_CONSUMED,
            WebhookEventType.TOKEN_ISSUED,
            WebhookEventType.TOKEN_REVOKED);
    assertThat(queued)
        .extracting(q -> q.endpoint().toString())
        .containsOnly("https://acme.example/hooks");
    assertThat(queued).extracting(q -> q.event().id()).doesNotHaveDuplicates();
    WebhookEvent issued = queued.get(0).event();
    assertThat(issued.userId()).contains(ann.id());
    assertThat(issued.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(issued.method()).contains(VerificationMethod.EMAIL_OTP);
    for (Queued q : queued) {
      assertThat(q.event().toJson())
          .contains("\"environment\":\"acme\"")
          .doesNotContain(spent.elevatedAccessToken())
          .doesNotContain(revoked.elevatedAccessToken())
          .doesNotContain(spent.tokenId().value())
          .doesNotContain(revoked.tokenId().value());
    }
  }

  @Test
  void removingTheWebhookDropsItsWaitingDeliveriesAndLaterEventsQueueNothing() {
    configure(ENV, "https://acme.example/hooks", ALL);
    configure(OTHER_ENV, "https://globex.example/hooks", ALL);
    User ann = f.emailUser("ann@example.com");
    f.issueToken(f.signIn(ann), Scope.WALLET_EXPORT);
    User bob = f.createUser(OTHER_ENV, Optional.of("bob@example.com"), Optional.empty(), false);
    f.issueToken(f.signIn(bob), Scope.WALLET_EXPORT);
    var removal =
        new dev.stepup.application.service.webhook.WebhookRemovalService(
            f.environments, f.webhookSettings, f.webhookQueue, f.transactions, f.audit, f.clock);

    var removed =
        removal.remove(
            new dev.stepup.application.port.in.webhook.RemoveWebhookUseCase.Command(
                ENV, "root", ORIGIN));

    assertThat(removed.removed()).isTrue();
    assertThat(removed.dropped()).isEqualTo(1);
    assertThat(f.webhookSettings.find(ENV)).isEmpty();
    assertThat(f.webhookQueue.queued())
        .extracting(q -> q.event().environmentId())
        .containsExactly(OTHER_ENV);
    assertThat(f.lastEvent(AuditEventType.SETTINGS_CHANGED).reason().orElseThrow())
        .startsWith("webhook removed https://acme.example/hooks");
    f.issueToken(f.signIn(ann), Scope.WALLET_EXPORT);
    assertThat(f.webhookQueue.queued()).hasSize(1);
    assertThat(
            removal
                .remove(
                    new dev.stepup.application.port.in.webhook.RemoveWebhookUseCase.Command(
                        ENV, "root", ORIGIN))
                .removed())
        .isFalse();
  }

  @Test
  void onlyTheChosenTypesAreQueuedAndAnEnvironmentWithoutWebhookQueuesNothing() {
    configure(OTHER_ENV, "https://globex.example/hooks", ALL);
    User ann = f.emailUser("ann@example.com");
    f.issueToken(f.signIn(ann), Scope.WALLET_EXPORT);
    assertThat(f.webhookQueue.queued()).isEmpty();

    configure(ENV, "https://acme.example/hooks", Set.of("token.revoked"));
    f.issueToken(f.signIn(ann), Scope.WALLET_EXPORT);
    assertThat(f.webhookQueue.queued()).isEmpty();
  }

  @Test
  void mfaEnrolmentAdminResetAndLockoutQueueTheirEvents() {
    configure(ENV, "https://acme.example/hooks", ALL);
    User ann = f.emailUser("ann@example.com");
    SessionContext session = f.signIn(ann);
    f.enrolTotpByEmail(session, "ann@example.com");
    new ResetMfaService(
            f.users,
            f.totpDevices,
            new InMemoryPasskeys(),
            f.recoveryCodes,
            f.tokens,
            f.sessions,
            f.transactions,
            f.notifier,
            f.audit,
            f.clock)
        .reset(new ResetMfaUseCase.Command(ENV, ann.id(), "root", ORIGIN));
    AttemptLimiter limiter = new AttemptLimiter(f.tallies, new Audit(f.audit, f.clock), f.clock);
    for (int i = 0; i < 5; i++) {
      limiter.failed(limiter.begin(session, ann.id(), VerificationMethod.SMS_OTP));
    }

    List<WebhookEvent> events = f.webhookQueue.queued().stream().map(Queued::event).toList();
    assertThat(events)
        .extracting(WebhookEvent::type)
        .contains(
            WebhookEventType.MFA_ENROLLED, WebhookEventType.MFA_RESET, WebhookEventType.LOCKOUT);
    assertThat(events)
        .filteredOn(e -> e.type() == WebhookEventType.MFA_ENROLLED)
        .extracting(e -> e.method().orElseThrow())
        .containsExactly(VerificationMethod.TOTP);
    WebhookEvent lockout =
        events.stream().filter(e -> e.type() == WebhookEventType.LOCKOUT).findFirst().orElseThrow();
    assertThat(lockout.userId()).contains(ann.id());
    assertThat(lockout.method()).contains(VerificationMethod.SMS_OTP);
    assertThat(lockout.toJson()).contains("\"type\":\"lockout\"");
  }
}
