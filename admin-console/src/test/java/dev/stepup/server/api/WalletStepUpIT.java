package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Re-auth by an external wallet: a Sign-In with Ethereum message signed with personal_sign. */
public class WalletStepUpIT extends ApiTestServer {

  private ECKeyPair key;
  private String address;
  private TestUser user;
  private String session;

  @BeforeEach
  void userWithAnExternalWallet() throws Exception {
    key = Keys.createEcKeyPair();
    address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    user =
        newUser(Map.of("externalWallets", List.of(address.toLowerCase()), "embeddedWallet", true));
    session = signIn(user, externalWallet());
  }

  private String externalWallet() {
    for (var c : user.json().get("credentials")) {
      if (c.get("format").asString().equals("blockchain")
          && c.get("type").asString().equals("external")) {
        return c.get("id").asString();
      }
    }
    throw new AssertionError("no external wallet");
  }

  private String embeddedWallet() {
    for (var c : user.json().get("credentials")) {
      if (c.get("format").asString().equals("blockchain")
          && c.get("type").asString().equals("embedded")) {
        return c.get("id").asString();
      }
    }
    throw new AssertionError("no embedded wallet");
  }

  private ApiClient.Answer challenge(Map<String, Object> body) {
    return api.post(ENV + "/step-up/wallet/challenge", session, body);
  }

  private ApiClient.Answer verify(String challengeId, String signature, String scope) {
    return api.post(
        ENV + "/step-up/wallet/verify",
        session,
        Map.of(
            "challengeId", challengeId, "signature", signature, "requestedScopes", List.of(scope)));
  }

  public static String personalSign(ECKeyPair key, String message) {
    Sign.SignatureData sig =
        Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key);
    byte[] bytes = new byte[65];
    System.arraycopy(sig.getR(), 0, bytes, 0, 32);
    System.arraycopy(sig.getS(), 0, bytes, 32, 32);
    bytes[64] = sig.getV()[0];
    return Numeric.toHexString(bytes);
  }

  @Test
  void theChallengedWalletsSignatureIsAcceptedOnce() {
    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export"));
    assertThat(ReauthStepUpIT.formats(check.json())).contains("email", "blockchain");
    assertThat(check.json().get("credentials").toString()).doesNotContain(embeddedWallet());
    assertThat(check.text("defaultCredentialId")).isEqualTo(externalWallet());

    ApiClient.Answer issued = challenge(Map.of("requestedScopes", List.of("wallet:export")));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(200);
    assertThat(issued.text("walletId")).isEqualTo(externalWallet());
    assertThat(issued.text("address")).isEqualTo(address);
    String message = issued.text("message");
    String now = DateTimeFormatter.ISO_INSTANT.format(CLOCK.instant());
    String expiry =
        DateTimeFormatter.ISO_INSTANT.format(CLOCK.instant().plus(Duration.ofMinutes(5)));
    assertThat(message)
        .startsWith("localhost:")
        .contains(" wants you to sign in with your Ethereum account:\n" + address + "\n\n")
        .contains("wallet:export")
        .contains("\nURI: http://localhost:")
        .contains("\nVersion: 1\nChain ID: 1\nNonce: ")
        .contains("\nIssued At: " + now)
        .endsWith("\nExpiration Time: " + expiry);

    ApiClient.Answer token =
        verify(issued.text("challengeId"), personalSign(key, message), "wallet:export");
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
    ApiClient.Answer exported =
        api.post(
            ENV + "/wallets/" + embeddedWallet() + "/export",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    assertThat(exported.status()).isEqualTo(200);

    ApiClient.Answer replay =
        verify(issued.text("challengeId"), personalSign(key, message), "wallet:export");
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.code()).isEqualTo("code_expired");
    assertThat(replay.text("detail")).contains("already used");

    ApiClient.Answer nonce = challenge(Map.of());
    assertThat(nonce.text("message")).doesNotContain(message.substring(message.indexOf("Nonce")));
  }

  @Test
  void aStepUpChallengeCannotLinkAWallet() {
    ApiClient.Answer issued = challenge(Map.of("requestedScopes", List.of("wallet:export")));
    String signature = personalSign(key, issued.text("message"));

    ApiClient.Answer asLink =
        api.post(
            ENV + "/credentials",
            session,
            Map.of(
                "format",
                "blockchain",
                "challengeId",
                issued.text("challengeId"),
                "signature",
                signature));

    assertThat(asLink.status()).as(asLink.raw().body()).isEqualTo(400);
    assertThat(asLink.code()).isEqualTo("unknown_challenge");
    // The challenge is still good for the step-up it was issued for.
    assertThat(verify(issued.text("challengeId"), signature, "wallet:export").status())
        .isEqualTo(200);
  }

  @Test
  void anExpiredChallengeIsRefused() {
    ApiClient.Answer issued = challenge(Map.of());
    CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
    ApiClient.Answer late =
        verify(
            issued.text("challengeId"), personalSign(key, issued.text("message")), "wallet:sign");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.code()).isEqualTo("code_expired");
  }

  @Test
  void anotherAddressOrATamperedMessageIsRefused() throws Exception {
    ApiClient.Answer issued = challenge(Map.of());
    String message = issued.text("message");

    ApiClient.Answer stranger =
        verify(
            issued.text("challengeId"),
            personalSign(Keys.createEcKeyPair(), message),
            "wallet:sign");
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.code()).isEqualTo("invalid_signature");

    String tampered = message.replace("Chain ID: 1", "Chain ID: 5");
    ApiClient.Answer altered =
        verify(issued.text("challengeId"), personalSign(key, tampered), "wallet:sign");
    assertThat(altered.code()).isEqualTo("invalid_signature");

    ApiClient.Answer garbage = verify(issued.text("challengeId"), "0x1234", "wallet:sign");
    assertThat(garbage.code()).isEqualTo("invalid_signature");

    // The challenge itself is still good for the real signature.
    assertThat(
            verify(issued.text("challengeId"), personalSign(key, message), "wallet:sign").status())
        .isEqualTo(200);
  }

  @Test
  void scopesNotNamedInTheMessageAreRefused() {
    ApiClient.Answer issued = challenge(Map.of("requestedScopes", List.of("wallet:sign")));
    ApiClient.Answer wider =
        verify(
            issued.text("challengeId"), personalSign(key, issued.text("message")), "wallet:export");
    assertThat(wider.status()).isEqualTo(400);
    assertThat(wider.code()).isEqualTo("validation_failed");
  }

  @Test
  void embeddedWalletsNeverVerify() {
    ApiClient.Answer named = challenge(Map.of("walletId", embeddedWallet()));
    assertThat(named.status()).isEqualTo(403);
    assertThat(named.code()).isEqualTo("embedded_wallet_not_supported");

    TestUser onlyEmbedded = newUser();
    String other = signIn(onlyEmbedded, onlyEmbedded.credential("email"));
    ApiClient.Answer implicit = api.post(ENV + "/step-up/wallet/challenge", other, Map.of());
    assertThat(implicit.status()).isEqualTo(403);
    assertThat(implicit.code()).isEqualTo("embedded_wallet_not_supported");
  }

  @Test
  void anotherSessionsChallengeIsUnknown() {
    ApiClient.Answer issued = challenge(Map.of());
    String second = signIn(user, externalWallet());
    ApiClient.Answer foreign =
        api.post(
            ENV + "/step-up/wallet/verify",
            second,
            Map.of(
                "challengeId",
                issued.text("challengeId"),
                "signature",
                personalSign(key, issued.text("message")),
                "requestedScopes",
                List.of("wallet:sign")));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.code()).isEqualTo("unknown_challenge");
  }
}
