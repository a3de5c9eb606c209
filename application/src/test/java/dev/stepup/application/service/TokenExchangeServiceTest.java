package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stepup.application.fakes.InMemoryExternalAuth;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.externalauth.ExchangeTokenCommand;
import dev.stepup.application.port.in.externalauth.ExchangedSession;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier;
import dev.stepup.application.service.externalauth.ExternalIdentityProviderService;
import dev.stepup.application.service.externalauth.ExternalUsers;
import dev.stepup.application.service.externalauth.TokenExchangeService;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import dev.stepup.domain.externalauth.ExternalTokenClaims;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenExchangeServiceTest {

  static final String ISSUER = "https://id.example.com";
  static final URI JWKS = URI.create("https://id.example.com/jwks");

  final Fixture f = new Fixture();
  final InMemoryExternalAuth external = new InMemoryExternalAuth();

  /** Tokens the stand-in verifier knows as signed by the provider; anything else is tampered. */
  final Map<String, ExternalTokenClaims> signed = new HashMap<>();

  final ExternalTokenVerifier verifier =
      (token, jwksUrl) -> {
        ExternalTokenClaims claims = signed.get(token);
        if (claims == null || !jwksUrl.equals(JWKS)) {
          throw new ExternalTokenVerifier.Rejected(ExternalTokenVerifier.Problem.BAD_SIGNATURE);
        }
        return claims;
      };
  final ExternalIdentityProviderService admin =
      new ExternalIdentityProviderService(f.environments, external, f.audit, f.clock);
  final TokenExchangeService exchange =
      new TokenExchangeService(
          f.environments,
          external,
          verifier,
          new ExternalUsers(f.users, external, f.transactions, f.audit, f.clock),
          f.sessions,
          f.hasher,
          Fixture.LENIENT_SESSIONS,
          f.signInTallies,
          f.audit,
          f.clock);

  @BeforeEach
  void trustTheProvider() {
    admin.configure(new ExternalIdentityProvider(ENV, ISSUER, JWKS, "acme-app"), "ada", ORIGIN);
  }

  String token(String subject, Optional<String> email, boolean emailVerified) {
    String token = "jwt-" + signed.size();
    signed.put(
        token,
        new ExternalTokenClaims(
            ISSUER,
            subject,
            List.of("acme-app"),
            Optional.of(f.clock.instant().plusSeconds(300)),
            Optional.empty(),
            email,
            emailVerified,
            Optional.of("+15550100"),
            true));
    return token;
  }

  ExchangedSession exchange(String token) {
    return exchange.exchange(
        new ExchangeTokenCommand(ENV, token, ExchangeTokenCommand.JWT_TOKEN_TYPE, ORIGIN));
  }

  @Test
  void theFirstExchangeCreatesTheUserAndTheSecondSignsTheSameUserIn() {
    ExchangedSession first = exchange(token("sub-1", Optional.of("Ann@Example.com"), true));
    ExchangedSession second = exchange(token("sub-1", Optional.of("ann@example.com"), true));

    assertThat(first.userCreated()).isTrue();
    assertThat(second.userCreated()).isFalse();
    assertThat(second.userId()).isEqualTo(first.userId());
    assertThat(second.session().sessionId()).isNotEqualTo(first.session().sessionId());
    assertThat(f.userService.session(ENV, second.session().sessionToken()))
        .hasValueSatisfying(s -> assertThat(s.userId()).isEqualTo(first.userId()));
    assertThat(f.userService.get(ENV, first.userId()).credentials())
        .extracting(Credential::identifier)
        .containsExactly("ann@example.com", "+15550100");
    List<AuditEvent> started =
        f.audit.events().stream().filter(e -> e.type() == AuditEventType.SESSION_STARTED).toList();
    assertThat(started).hasSize(2);
    assertThat(started.get(0).reason()).hasValue("external_idp " + ISSUER);
    assertThat(f.audit.events()).extracting(AuditEvent::type).contains(AuditEventType.USER_CREATED);
  }

  @Test
  void anUnverifiedEmailIsNotTaken() {
    ExchangedSession session = exchange(token("sub-2", Optional.of("bob@example.com"), false));

    assertThat(f.userService.get(ENV, session.userId()).credentials())
        .extracting(Credential::identifier)
        .containsExactly("+15550100");
  }

  @Test
  void aVerifiedEmailAnotherUserHasIsNotTakenSoTheProviderCannotClaimThatAccount() {
    var existing = f.emailUser("carol@example.com");

    ExchangedSession session = exchange(token("sub-3", Optional.of("carol@example.com"), true));

    assertThat(session.userId()).isNotEqualTo(existing.id());
    assertThat(f.userService.get(ENV, session.userId()).credentials())
        .extracting(Credential::identifier)
        .doesNotContain("carol@example.com");
  }

  @Test
  void aTamperedTokenIsRefusedAndAudited() {
    RefusedException refused =
        catchThrowableOfType(RefusedException.class, () -> exchange("forged"));

    assertThat(refused.reason()).isEqualTo(RefusalReason.SUBJECT_TOKEN_SIGNATURE);
    assertThat(f.audit.events())
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo(AuditEventType.TOKEN_EXCHANGE_REFUSED);
              assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
            });
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = token("sub-4", Optional.empty(), false);
    f.clock.advance(Duration.ofMinutes(10));

    assertThat(catchThrowableOfType(RefusedException.class, () -> exchange(token)).reason())
        .isEqualTo(RefusalReason.SUBJECT_TOKEN_EXPIRED);
  }

  @Test
  void anotherTokenTypeOrAnEnvironmentWithoutProviderIsRefused() {
    String token = token("sub-5", Optional.empty(), false);
    RefusedException wrongType =
        catchThrowableOfType(
            RefusedException.class,
            () ->
                exchange.exchange(
                    new ExchangeTokenCommand(
                        ENV, token, "urn:ietf:params:oauth:token-type:access_token", ORIGIN)));
    assertThat(wrongType.reason()).isEqualTo(RefusalReason.UNSUPPORTED_SUBJECT_TOKEN_TYPE);

    admin.remove(ENV, "ada", ORIGIN);
    assertThat(catchThrowableOfType(RefusedException.class, () -> exchange(token)).reason())
        .isEqualTo(RefusalReason.EXTERNAL_IDP_NOT_CONFIGURED);
    assertThat(f.audit.events())
        .extracting(AuditEvent::type)
        .contains(AuditEventType.EXTERNAL_IDP_CONFIGURED, AuditEventType.EXTERNAL_IDP_REMOVED);
  }

  @Test
  void aFloodOfForgedTokensLocksTheAddressOutWhileAnotherAddressStillExchanges() {
    for (int i = 0; i < 20; i++) {
      assertThat(catchThrowableOfType(RefusedException.class, () -> exchange("forged")).reason())
          .isEqualTo(RefusalReason.SUBJECT_TOKEN_SIGNATURE);
    }
    String good = token("sub-6", Optional.empty(), false);

    RefusedException throttled = catchThrowableOfType(RefusedException.class, () -> exchange(good));

    assertThat(throttled.reason()).isEqualTo(RefusalReason.EXTERNAL_AUTH_THROTTLED);
    assertThat(throttled.retryAfter()).hasValueSatisfying(w -> assertThat(w).isPositive());
    RequestOrigin elsewhere = new RequestOrigin("198.51.100.9", "other-client");
    assertThat(
            exchange
                .exchange(
                    new ExchangeTokenCommand(
                        ENV, good, ExchangeTokenCommand.JWT_TOKEN_TYPE, elsewhere))
                .userCreated())
        .isTrue();
    assertThat(f.audit.events())
        .filteredOn(e -> e.reason().equals(Optional.of("address_locked")))
        .hasSize(1);
    f.clock.advance(Duration.ofMinutes(5));
    assertThat(exchange(token("sub-6", Optional.empty(), false)).userCreated()).isFalse();
  }
}
