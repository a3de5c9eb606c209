package dev.stepup.adapter.out.crypto.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.domain.social.SocialProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * OpenID Connect with Nimbus OAuth 2.0 SDK: provider metadata from discovery, the code request with
 * S256 PKCE, the code redeemed with the client secret, and the ID token validated against the
 * provider's JWKS (issuer, audience, expiry, issued-at, nonce, signature).
 */
public final class NimbusOidcClient implements OidcClient {

  private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
  private static final int TIMEOUT_MS = 5_000;
  private static final int SIZE_LIMIT = 256 * 1024;

  /** Asymmetric algorithms only: an HMAC-signed ID token would be keyed with our own secret. */
  private static final Set<JWSAlgorithm> ACCEPTED =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.EdDSA);

  private final Clock clock;
  private final ConcurrentHashMap<String, Discovered> discovered = new ConcurrentHashMap<>();

  public NimbusOidcClient(Clock clock) {
    this.clock = clock;
  }

  /** A provider's metadata and the validator built on its keys, kept for a while. */
  private record Discovered(
      OIDCProviderMetadata metadata, IDTokenValidator validator, Instant readAt) {}

  @Override
  public URI authorizationRequest(
      SocialProvider provider,
      String callbackUri,
      String state,
      String nonce,
      String codeVerifier) {
    OIDCProviderMetadata metadata = discover(provider).metadata();
    return new AuthenticationRequest.Builder(
            ResponseType.CODE,
            new Scope("openid", "email"),
            new ClientID(provider.clientId()),
            uri(callbackUri))
        .endpointURI(metadata.getAuthorizationEndpointURI())
        .state(new State(state))
        .nonce(new Nonce(nonce))
        .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  @Override
  public Identity redeem(
      SocialProvider provider,
      String clientSecret,
      String callbackUri,
      String code,
      String codeVerifier,
      String nonce) {
    Discovered provided = discover(provider);
    TokenRequest request =
        new TokenRequest(
            provided.metadata().getTokenEndpointURI(),
            new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(clientSecret)),
            new AuthorizationCodeGrant(
                new AuthorizationCode(code), uri(callbackUri), new CodeVerifier(codeVerifier)));
    TokenResponse response;
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(TIMEOUT_MS);
      http.setReadTimeout(TIMEOUT_MS);
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException e) {
      throw new Unavailable("token endpoint unreachable", e);
    } catch (ParseException e) {
      throw new Rejected("the token response could not be read");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new Rejected("the provider refused the code: " + error.getCode());
    }
    if (!(response instanceof OIDCTokenResponse oidc)
        || oidc.getOIDCTokens().getIDToken() == null) {
      throw new Rejected("the provider returned no ID token");
    }
    try {
      IDTokenClaimsSet claims =
          provided.validator().validate(oidc.getOIDCTokens().getIDToken(), new Nonce(nonce));
      Object email = claims.getClaim("email");
      Object verified = claims.getClaim("email_verified");
      return new Identity(
          claims.getSubject().getValue(),
          email instanceof String address && !Boolean.FALSE.equals(verified)
              ? Optional.of(address)
              : Optional.empty());
    } catch (BadJOSEException e) {
      throw new Rejected("the ID token is not valid: " + reason(e));
    } catch (JOSEException e) {
      throw new Rejected("the ID token could not be verified");
    }
  }

  /**
   * The validator's reason, cut short: it may quote a claim (the nonce, the audience), never the
   * signed token or a secret, so the user can be told why.
   */
  private static String reason(BadJOSEException e) {
    String message = e.getMessage() == null ? "invalid" : e.getMessage();
    return message.length() > 120 ? message.substring(0, 120) : message;
  }

  private Discovered discover(SocialProvider provider) {
    String key = provider.issuer() + " " + provider.clientId();
    Discovered known = discovered.get(key);
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.readAt().plus(METADATA_LIFETIME))) {
      return known;
    }
    try {
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(provider.issuer().toString()), TIMEOUT_MS, TIMEOUT_MS);
      Set<JWSAlgorithm> algorithms =
          Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(List.of()).stream()
              .filter(ACCEPTED::contains)
              .collect(Collectors.toSet());
      if (algorithms.isEmpty()) {
        algorithms = Set.of(JWSAlgorithm.RS256);
      }
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.<SecurityContext>create(
                  metadata.getJWKSetURI().toURL(),
                  new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT))
              .build();
      IDTokenValidator validator =
          new IDTokenValidator(
              metadata.getIssuer(),
              new ClientID(provider.clientId()),
              new JWSVerificationKeySelector<>(algorithms, keys),
              null);
      Discovered fresh = new Discovered(metadata, validator, now);
      discovered.put(key, fresh);
      return fresh;
    } catch (GeneralException | IOException | RuntimeException e) {
      throw new Unavailable("provider metadata unavailable", e);
    }
  }

  private static URI uri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("callback URI is not a URI", e);
    }
  }
}
