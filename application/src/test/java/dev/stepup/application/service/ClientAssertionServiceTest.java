package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.externalauth.AuthenticateAssertionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.externalauth.BackendClients;
import dev.stepup.application.port.out.externalauth.ClientAssertionVerifier;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier;
import dev.stepup.application.port.out.externalauth.SpentAssertions;
import dev.stepup.application.service.externalauth.BackendClientService;
import dev.stepup.application.service.externalauth.ClientAssertionService;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.AssertionClaims;
import dev.stepup.domain.externalauth.BackendClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientAssertionServiceTest {

  static final String AUD =
      "https://stepup.example/api/v1/environments/acme/elevated-tokens/assertion";

  final Fixture f = new Fixture();
  final Map<List<String>, BackendClient> registered = new HashMap<>();
  final Set<List<String>> spentJtis = new HashSet<>();

  /** Assertions the stand-in verifier accepts: token → (keys that sign it, its claims). */
  final Map<String, Map.Entry<String, AssertionClaims>> signed = new HashMap<>();

  final BackendClients clients =
      new BackendClients() {
        @Override
        public Optional<BackendClient> find(EnvironmentId environmentId, String clientId) {
          return Optional.ofNullable(registered.get(List.of(environmentId.value(), clientId)));
        }

        @Override
        public List<BackendClient> list(EnvironmentId environmentId) {
          return registered.values().stream()
              .filter(c -> c.environmentId().equals(environmentId))
              .toList();
        }

        @Override
        public void save(BackendClient client) {
          registered.put(List.of(client.environmentId().value(), client.clientId()), client);
        }

        @Override
        public void remove(EnvironmentId environmentId, String clientId) {
          registered.remove(List.of(environmentId.value(), clientId));
        }
      };
  final SpentAssertions spent =
      (env, client, jti, exp, now) -> spentJtis.add(List.of(env.value(), client, jti));
  final ClientAssertionVerifier verifier =
      new ClientAssertionVerifier() {
        @Override
        public String claimedClient(String assertion) {
          var entry = signed.get(assertion);
          if (entry == null) {
            throw new ExternalTokenVerifier.Rejected(ExternalTokenVerifier.Problem.MALFORMED);
          }
          return entry.getValue().issuer();
        }

        @Override
        public Verified verify(String assertion, String publicKeys) {
          var entry = signed.get(assertion);
          if (!entry.getKey().equals(publicKeys)) {
            throw new ExternalTokenVerifier.Rejected(ExternalTokenVerifier.Problem.BAD_SIGNATURE);
          }
          return new Verified(
              entry.getValue(), Optional.of("usr_1"), Optional.empty(), List.of("wallet:export"));
        }

        @Override
        public void checkPublicKeys(String publicKeys) {}
      };
  final BackendClientService admin =
      new BackendClientService(f.environments, clients, verifier, f.audit, f.clock);
  final ClientAssertionService service =
      new ClientAssertionService(
          f.environments, clients, verifier, spent, f.signInTallies, f.audit, f.clock);

  @BeforeEach
  void register() {
    admin.register(ENV, "acme-backend", "acme-keys", "ada", ORIGIN);
    admin.register(OTHER_ENV, "globex-backend", "globex-keys", "ada", ORIGIN);
  }

  String assertion(String client, String keys, Instant exp, String jti) {
    String token = "assertion-" + signed.size();
    signed.put(
        token,
        Map.entry(
            keys,
            new AssertionClaims(
                client, client, List.of(AUD), Optional.of(exp), Optional.empty(), jti)));
    return token;
  }

  RefusalReason refusal(String assertion) {
    return catchThrowableOfType(
            RefusedException.class,
            () ->
                service.authenticate(
                    new AuthenticateAssertionUseCase.Command(ENV, assertion, List.of(AUD), ORIGIN)))
        .reason();
  }

  @Test
  void anAssertionIsAcceptedOnceAndItsReplayIsRefused() {
    String assertion =
        assertion("acme-backend", "acme-keys", f.clock.instant().plusSeconds(60), "j1");

    var asserted =
        service.authenticate(
            new AuthenticateAssertionUseCase.Command(ENV, assertion, List.of(AUD), ORIGIN));

    assertThat(asserted.clientId()).isEqualTo("acme-backend");
    assertThat(asserted.scopes()).containsExactly("wallet:export");
    assertThat(refusal(assertion)).isEqualTo(RefusalReason.ASSERTION_REPLAYED);
    assertThat(f.audit.events())
        .extracting(e -> e.type())
        .contains(
            AuditEventType.BACKEND_CLIENT_REGISTERED, AuditEventType.CLIENT_ASSERTION_REFUSED);
  }

  @Test
  void aClientOfAnotherEnvironmentAnotherKeyOrAnExpiredAssertionIsRefused() {
    Instant soon = f.clock.instant().plusSeconds(60);
    assertThat(refusal(assertion("globex-backend", "globex-keys", soon, "j2")))
        .isEqualTo(RefusalReason.ASSERTION_UNKNOWN_CLIENT);
    assertThat(refusal(assertion("acme-backend", "globex-keys", soon, "j3")))
        .isEqualTo(RefusalReason.ASSERTION_SIGNATURE);
    assertThat(
            refusal(
                assertion("acme-backend", "acme-keys", f.clock.instant().minusSeconds(120), "j4")))
        .isEqualTo(RefusalReason.ASSERTION_EXPIRED);
    assertThat(spentJtis).isEmpty();
  }

  @Test
  void aFloodOfBadAssertionsLocksTheAddressOutButNotTheClientFromElsewhere() {
    for (int i = 0; i < 20; i++) {
      String forged =
          assertion("acme-backend", "stolen-keys", f.clock.instant().plusSeconds(60), "f" + i);
      assertThat(refusal(forged)).isEqualTo(RefusalReason.ASSERTION_SIGNATURE);
    }
    String good = assertion("acme-backend", "acme-keys", f.clock.instant().plusSeconds(60), "g1");

    assertThat(refusal(good)).isEqualTo(RefusalReason.EXTERNAL_AUTH_THROTTLED);
    var asserted =
        service.authenticate(
            new AuthenticateAssertionUseCase.Command(
                ENV, good, List.of(AUD), new RequestOrigin("198.51.100.9", "backend")));
    assertThat(asserted.clientId()).isEqualTo("acme-backend");
  }
}
