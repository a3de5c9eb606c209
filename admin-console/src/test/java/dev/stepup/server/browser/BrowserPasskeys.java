package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.api.ApiClient;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/** Passkeys in Chromium's virtual authenticator, for the browser tests. */
final class BrowserPasskeys {

  private BrowserPasskeys() {}

  /** A platform authenticator that holds resident keys and verifies its user, as a laptop's. */
  static VirtualAuthenticator addAuthenticator(ChromeDriver browser) {
    return ((HasVirtualAuthenticator) browser)
        .addVirtualAuthenticator(
            new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
  }

  /**
   * Creates a passkey in the page's authenticator for the server's registration {@code options} and
   * registers it for the session; answers the server's 201.
   */
  static ApiClient.Answer register(
      ChromeDriver browser, ApiClient api, String env, String session, ApiClient.Answer options) {
    Object created =
        browser.executeAsyncScript(
            HostedPagesBrowserIT.CREATE, options.json().get("publicKey").toString());
    assertThat(created).asString().doesNotStartWith("ERROR");
    ApiClient.Answer registered =
        api.post(
            env + "/mfa/passkeys/registration",
            session,
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + created
                + "}");
    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    return registered;
  }
}
