package dev.stepup.adapter.out.crypto.webauthn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.data.exception.Base64UrlException;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relying party, by Yubico's {@code webauthn-server-core}: it checks challenge, origin, rp id,
 * flags (user verification required) and signatures. The counter is judged by the caller, so a
 * regression can be refused and audited by name.
 */
public final class YubicoWebAuthn implements WebAuthnCeremonies {

  private static final long TIMEOUT_MS = Duration.ofMinutes(5).toMillis();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RelyingPartyIdentity identity;
  private final Set<String> origins;
  private final boolean allowOriginPort;

  /**
   * @param rpId the relying party id, a registrable domain of the origins (e.g. {@code localhost})
   * @param origins the exact origins pages may run WebAuthn from
   * @param allowOriginPort accept any port of those origins (development on random ports)
   */
  public YubicoWebAuthn(String rpId, String rpName, Set<String> origins, boolean allowOriginPort) {
    this.identity = RelyingPartyIdentity.builder().id(rpId).name(rpName).build();
    this.origins = Set.copyOf(origins);
    this.allowOriginPort = allowOriginPort;
    if (this.origins.isEmpty()) {
      throw new IllegalArgumentException("at least one WebAuthn origin is needed");
    }
  }

  @Override
  public Ceremony registrationOptions(
      String userHandle, String userName, String displayName, List<String> excludeWebauthnIds) {
    UserIdentity user =
        UserIdentity.builder()
            .name(userName)
            .displayName(displayName)
            .id(bytes(userHandle))
            .build();
    PublicKeyCredentialCreationOptions options =
        relyingParty(new CallRepository(userHandle, userName, excludeWebauthnIds, null))
            .startRegistration(
                StartRegistrationOptions.builder()
                    .user(user)
                    .authenticatorSelection(
                        AuthenticatorSelectionCriteria.builder()
                            .residentKey(ResidentKeyRequirement.PREFERRED)
                            .userVerification(UserVerificationRequirement.REQUIRED)
                            .build())
                    .timeout(TIMEOUT_MS)
                    .build());
    try {
      return new Ceremony(options.toJson(), publicKey(options.toCredentialsCreateJson()));
    } catch (IOException e) {
      throw new IllegalStateException("could not write WebAuthn options", e);
    }
  }

  @Override
  public NewCredential register(String request, String responseJson) {
    try {
      PublicKeyCredentialCreationOptions options =
          PublicKeyCredentialCreationOptions.fromJson(request);
      RegistrationResult result =
          relyingParty(
                  new CallRepository(
                      options.getUser().getId().getBase64Url(),
                      options.getUser().getName(),
                      List.of(),
                      null))
              .finishRegistration(
                  FinishRegistrationOptions.builder()
                      .request(options)
                      .response(PublicKeyCredential.parseRegistrationResponseJson(responseJson))
                      .build());
      return new NewCredential(
          result.getKeyId().getId().getBase64Url(),
          result.getPublicKeyCose().getBytes(),
          result.getSignatureCount());
    } catch (RegistrationFailedException | IOException | IllegalArgumentException e) {
      throw new WebAuthnFailure(reason(e));
    }
  }

  @Override
  public Ceremony assertionOptions(String userHandle, List<String> allowWebauthnIds) {
    AssertionRequest request =
        relyingParty(new CallRepository(userHandle, userHandle, allowWebauthnIds, null))
            .startAssertion(
                StartAssertionOptions.builder()
                    .userHandle(bytes(userHandle))
                    .userVerification(UserVerificationRequirement.REQUIRED)
                    .timeout(TIMEOUT_MS)
                    .build());
    try {
      return new Ceremony(request.toJson(), publicKey(request.toCredentialsGetJson()));
    } catch (IOException e) {
      throw new IllegalStateException("could not write WebAuthn options", e);
    }
  }

  @Override
  public VerifiedAssertion assertion(String request, String responseJson, KeyLookup keys) {
    try {
      AssertionRequest stored = AssertionRequest.fromJson(request);
      String handle = stored.getUserHandle().map(ByteArray::getBase64Url).orElse("");
      AssertionResult result =
          relyingParty(new CallRepository(handle, handle, List.of(), keys))
              .finishAssertion(
                  FinishAssertionOptions.builder()
                      .request(stored)
                      .response(PublicKeyCredential.parseAssertionResponseJson(responseJson))
                      .build());
      if (!result.isSuccess()) {
        throw new WebAuthnFailure("assertion did not verify");
      }
      return new VerifiedAssertion(
          result.getCredential().getCredentialId().getBase64Url(), result.getSignatureCount());
    } catch (AssertionFailedException | IOException | IllegalArgumentException e) {
      throw new WebAuthnFailure(reason(e));
    }
  }

  private RelyingParty relyingParty(CredentialRepository repository) {
    return RelyingParty.builder()
        .identity(identity)
        .credentialRepository(repository)
        .origins(origins)
        .allowOriginPort(allowOriginPort)
        // The caller refuses and audits counter regressions itself.
        .validateSignatureCounter(false)
        .build();
  }

  private static String publicKey(String credentialsJson) throws IOException {
    JsonNode node = JSON.readTree(credentialsJson).get("publicKey");
    return Objects.requireNonNull(node, "publicKey").toString();
  }

  private static ByteArray bytes(String base64Url) {
    try {
      return ByteArray.fromBase64Url(base64Url);
    } catch (Base64UrlException e) {
      throw new IllegalArgumentException("not base64url", e);
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** What one ceremony may know: one user's credentials, and how to find their keys. */
  private record CallRepository(
      String userHandle, String userName, List<String> webauthnIds, KeyLookup keys)
      implements CredentialRepository {

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
      if (!userName.equals(username)) {
        return Set.of();
      }
      return webauthnIds.stream()
          .map(id -> PublicKeyCredentialDescriptor.builder().id(bytes(id)).build())
          .collect(Collectors.toSet());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
      return userName.equals(username) ? Optional.of(bytes(userHandle)) : Optional.empty();
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray handle) {
      return handle.getBase64Url().equals(userHandle) ? Optional.of(userName) : Optional.empty();
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray handle) {
      if (keys == null) {
        return Optional.empty();
      }
      return keys.find(credentialId.getBase64Url(), handle.getBase64Url())
          .map(
              k ->
                  RegisteredCredential.builder()
                      .credentialId(bytes(k.webauthnId()))
                      .userHandle(bytes(k.userHandle()))
                      .publicKeyCose(new ByteArray(k.publicKeyCose()))
                      .signatureCount(k.signCount())
                      .build());
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
      // Duplicate registrations are refused by the caller, which sees every user's passkeys.
      return Set.of();
    }
  }
}
