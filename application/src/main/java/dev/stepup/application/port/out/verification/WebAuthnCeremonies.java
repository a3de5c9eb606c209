package dev.stepup.application.port.out.verification;

import java.util.List;

/**
 * The WebAuthn relying party: makes the options a browser needs and checks what the authenticator
 * answered (challenge, origin, rp id, user verification, signature). Works on JSON strings so no
 * WebAuthn library type leaves the adapter.
 */
public interface WebAuthnCeremonies {

  /**
   * @param userHandle base64url user handle
   * @param excludeWebauthnIds the user's registered credentials, so one authenticator is not
   *     registered twice
   */
  Ceremony registrationOptions(
      String userHandle, String userName, String displayName, List<String> excludeWebauthnIds);

  /**
   * @param request the {@link Ceremony#request()} stored when the options were made
   * @throws WebAuthnFailure when the response does not verify
   */
  NewCredential register(String request, String responseJson);

  /** Options asking for one of the user's credentials, user verification required. */
  Ceremony assertionOptions(String userHandle, List<String> allowWebauthnIds);

  /**
   * Checks the assertion against the stored public key; the caller judges the counter.
   *
   * @throws WebAuthnFailure when the response does not verify
   */
  VerifiedAssertion assertion(String request, String responseJson, KeyLookup keys);

  /**
   * @param request server-side state to keep until the response arrives
   * @param publicKeyJson the options to hand the browser ({@code PublicKeyCredential*Options} JSON)
   */
  record Ceremony(String request, String publicKeyJson) {}

  record NewCredential(String webauthnId, byte[] publicKeyCose, long signCount) {}

  record VerifiedAssertion(String webauthnId, long reportedSignCount) {}

  /** The stored public key of a credential id for a user handle, if it is theirs. */
  interface KeyLookup {
    java.util.Optional<StoredKey> find(String webauthnId, String userHandle);
  }

  record StoredKey(String webauthnId, String userHandle, byte[] publicKeyCose, long signCount) {}

  /** The authenticator's answer did not verify; the message says why, for the audit trail. */
  final class WebAuthnFailure extends RuntimeException {
    public WebAuthnFailure(String reason) {
      super(reason);
    }
  }
}
