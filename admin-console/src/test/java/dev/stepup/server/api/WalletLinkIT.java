package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** Linking an external wallet needs both a credential:link token and the wallet's signature. */
class WalletLinkIT extends ApiTestServer {

  @Test
  void aWalletIsLinkedOnlyWithItsOwnSignatureAndAToken() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    String address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer unproven =
        api.post(ENV + "/credentials", session, Map.of("format", "blockchain", "value", address));
    assertThat(unproven.status()).isEqualTo(400);
    assertThat(unproven.code()).isEqualTo("validation_failed");

    ApiClient.Answer challenge =
        api.post(ENV + "/credentials/wallet-challenge", session, Map.of("address", address));
    assertThat(challenge.status()).as(challenge.raw().body()).isEqualTo(200);
    String message = challenge.text("message");
    assertThat(message).contains(address).contains("Link this wallet");
    String challengeId = challenge.text("challengeId");

    // A link challenge is not a step-up.
    ApiClient.Answer asStepUp =
        api.post(
            ENV + "/step-up/wallet/verify",
            session,
            Map.of(
                "challengeId",
                challengeId,
                "signature",
                WalletStepUpIT.personalSign(key, message),
                "requestedScopes",
                java.util.List.of("wallet:export")));
    assertThat(asStepUp.code()).isEqualTo("unknown_challenge");

    ApiClient.Answer stranger =
        link(
            session,
            challengeId,
            WalletStepUpIT.personalSign(Keys.createEcKeyPair(), message),
            null);
    assertThat(stranger.code()).isEqualTo("invalid_signature");

    String signature = WalletStepUpIT.personalSign(key, message);
    ApiClient.Answer noToken = link(session, challengeId, signature, null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.code()).isEqualTo("step_up_required");

    String token = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer linked = link(session, challengeId, signature, token);
    assertThat(linked.status()).as(linked.raw().body()).isEqualTo(201);
    assertThat(linked.text("format")).isEqualTo("blockchain");
    assertThat(linked.text("type")).isEqualTo("external");
    assertThat(linked.text("value")).isEqualTo(address.toLowerCase());

    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:sign"));
    assertThat(check.json().get("credentials").toString()).contains(linked.text("id"));

    ApiClient.Answer again = link(session, challengeId, signature, token);
    assertThat(again.status()).isIn(400, 409);
  }

  private ApiClient.Answer link(
      String session, String challengeId, String signature, String token) {
    return api.post(
        ENV + "/credentials",
        session,
        Map.of("format", "blockchain", "challengeId", challengeId, "signature", signature),
        token == null ? Map.of() : Map.of("X-Elevated-Access-Token", token));
  }
}
