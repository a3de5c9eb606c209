package dev.stepup.client;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A host backend's client of one environment of a step-up server: verify elevated tokens offline
 * against the server's JWKS, consume single-use ones through introspection, create users, sessions
 * and step-up prompts, and exchange a prompt's result code for its tokens. Thread-safe; make one
 * per environment and keep it.
 *
 * <pre>{@code
 * StepUpClient stepUp = StepUpClient.builder()
 *     .baseUrl("https://stepup.example.com").environment("production").apiKey(key).build();
 * stepUp.verify(token, "wallet:sign");          // multi-use: offline
 * stepUp.consume(token, "wallet:export");       // single-use: spent once, on the server
 * }</pre>
 */
public final class StepUpClient {

  private final ApiTransport transport;
  private final OfflineVerifier verifier;
  private final String environmentPath;
  private final ExternalAuthCalls externalAuth;
  private final UserCalls users;
  private final TokenCalls tokens;

  private StepUpClient(Builder b) {
    this.transport = new ApiTransport(b.http, b.baseUrl, b.apiKey, b.timeout);
    VerificationKeys keys =
        new VerificationKeys(transport, b.clock, b.jwksMaxAge, b.jwksMinRefetchInterval);
    this.verifier = new OfflineVerifier(keys, b.issuer, b.environment, b.clock, b.clockSkew);
    this.environmentPath = "/api/v1/environments/" + UserCalls.encode(b.environment);
    this.users = new UserCalls(transport, environmentPath);
    this.tokens = new TokenCalls(transport, environmentPath);
    this.externalAuth =
        new ExternalAuthCalls(
            transport,
            environmentPath,
            b.baseUrl.toString().replaceAll("/+$", "")
                + environmentPath
                + "/elevated-tokens/assertion",
            b.assertionClientId,
            b.assertionKey,
            b.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a multi-use elevated token offline for {@code scope} (null: any scope). Throws {@link
   * ElevatedTokenException} with the code the server would answer: {@code invalid_token}, {@code
   * token_expired} or {@code step_up_required}. Offline verification cannot see a revocation before
   * the token expires (at most 15 minutes); use {@link #introspect} where that matters.
   */
  public VerifiedToken verify(String elevatedToken, String scope) {
    return verifier.verify(elevatedToken, scope);
  }

  /**
   * As {@link #verify(String, String)}, for the operation about to be performed: a token bound to
   * another operation throws {@code operation_mismatch} (403). A bound token verified without an
   * operation is refused the same way.
   */
  public VerifiedToken verify(String elevatedToken, String scope, Operation operation) {
    return verifier.verify(elevatedToken, scope, Objects.requireNonNull(operation, "operation"));
  }

  /** Asks the server whether the token is active (and covers {@code scope}, when given). */
  public Introspection introspect(String elevatedToken, String scope) {
    return tokens.introspect(elevatedToken, scope, false, null);
  }

  /**
   * Spends a token for {@code scope} on the server: a single-use scope is spent atomically, so of
   * any number of concurrent calls exactly one answers active; the token's other scopes stay
   * usable. An inactive answer means the action must be refused (the scope is spent, or the token
   * expired, revoked or not for this scope). Without a scope (null) the token's only single-use
   * scope is spent; a token with several is refused with {@code scope_required}.
   */
  public Introspection consume(String elevatedToken, String scope) {
    return tokens.introspect(elevatedToken, scope, true, null);
  }

  /**
   * As {@link #consume(String, String)}, naming the operation about to be performed: a token bound
   * to another operation is refused with {@link StepUpException} {@code operation_mismatch} (403)
   * and stays unspent. A token bound to an operation can only be spent this way.
   */
  public Introspection consume(String elevatedToken, String scope, Operation operation) {
    return tokens.introspect(
        elevatedToken, scope, true, Objects.requireNonNull(operation, "operation"));
  }

  /** Revokes a token; unknown tokens are accepted silently (RFC 7009). */
  public void revoke(String elevatedToken) {
    tokens.revoke(elevatedToken);
  }

  public User createUser(NewUser user) {
    return users.createUser(user);
  }

  public User getUser(String userId) {
    return users.getUser(userId);
  }

  /** Signs the user in; {@code signInCredentialId} (may be null) is the credential they used. */
  public Session createSession(String userId, String signInCredentialId) {
    return users.createSession(userId, signInCredentialId);
  }

  /** Ends a session of the user; the tokens earned in it stop working. */
  public void endSession(String userId, String sessionId) {
    users.endSession(userId, sessionId);
  }

  /**
   * Creates a step-up prompt for the user's session; open its URL in their browser. The hosted page
   * routes them to the right method and hands the outcome back as the request says.
   */
  public Prompt createPrompt(PromptRequest request) {
    return users.createPrompt(request);
  }

  /**
   * Exchanges the result code a redirect prompt brought back ({@code code} on {@code returnTo}) for
   * its outcome; a code works once, for 60 seconds, and a second exchange answers {@code
   * invalid_result_code}.
   */
  public PromptResult exchangeResultCode(String resultCode) {
    return users.exchangeResultCode(resultCode);
  }

  /** The server's verdict on the environment's tamper-evident audit chain ({@code audit:read}). */
  public AuditChain auditChain() {
    return AuditChain.of(transport.call("GET", environmentPath + "/audit/chain", null));
  }

  /**
   * Exports the environment's audit chain and verifies it here, trusting nothing the server says
   * about it ({@code audit:read}).
   *
   * @throws StepUpException {@code audit_chain_broken} when a record does not verify
   */
  public AuditChainExport exportAuditChain() {
    return AuditChainExport.verify(
        transport.getText(environmentPath + "/audit/chain/export", "application/x-ndjson"));
  }

  /**
   * Exchanges a JWT of the environment's trusted identity provider for a session (RFC 8693); the
   * provider's user becomes a user here the first time. Needs no API key.
   */
  public ExchangedSession exchangeToken(String providerJwt) {
    return externalAuth.exchange(providerJwt);
  }

  /**
   * Issues an elevated token for the user (and session, may be null) by an assertion this client
   * signs with the key given to {@link Builder#assertionKey}, instead of the API key. Each call
   * signs a fresh assertion (new {@code jti}, two minutes).
   */
  public IssuedToken issueTokenByAssertion(String userId, String sessionId, List<String> scopes) {
    return externalAuth.issueByAssertion(userId, sessionId, scopes, null);
  }

  /** As above, the token bound to one operation: it is spent on that operation only. */
  public IssuedToken issueTokenByAssertion(
      String userId, String sessionId, List<String> scopes, OperationBinding operation) {
    return externalAuth.issueByAssertion(
        userId, sessionId, scopes, Objects.requireNonNull(operation, "operation"));
  }

  /**
   * Configures a client; {@code baseUrl} and {@code environment} are required, and {@code apiKey}
   * for every call but the token exchange and issuing by signed assertion.
   */
  public static final class Builder {
    private URI baseUrl;
    private String environment;
    private String apiKey;
    private String assertionClientId;
    private JWK assertionKey;
    private String issuer;
    private HttpClient http;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(10);
    private Duration clockSkew = Duration.ofSeconds(30);
    private Duration jwksMaxAge = Duration.ofMinutes(5);
    private Duration jwksMinRefetchInterval = Duration.ofSeconds(10);

    private Builder() {}

    /** The server's base URL, e.g. {@code https://stepup.example.com}. */
    public Builder baseUrl(String baseUrl) {
      String trimmed = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
      this.baseUrl = URI.create(trimmed + "/");
      return this;
    }

    /** The environment's id (the tokens' audience), e.g. {@code production}. */
    public Builder environment(String environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** An API key of the environment, created in the console. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** The tokens' {@code iss} when it is not the base URL (the server's {@code stepup.issuer}). */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    /** The clock expiry is checked against; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How far past {@code exp} a token is still accepted, for clocks that drift (default 30 s). */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
      return this;
    }

    /** How long the JWKS is cached (default 5 minutes, as the server's Cache-Control says). */
    public Builder jwksMaxAge(Duration maxAge) {
      this.jwksMaxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /** The least time between two fetches caused by unknown key ids (default 10 s). */
    public Builder jwksMinRefetchInterval(Duration interval) {
      this.jwksMinRefetchInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * The backend client id registered in the console and its private key (EC P-256 or RSA), for
     * {@link #issueTokenByAssertion}; the key never leaves this process.
     */
    public Builder assertionKey(String clientId, JWK privateKey) {
      this.assertionClientId = Objects.requireNonNull(clientId, "clientId");
      if (!Objects.requireNonNull(privateKey, "privateKey").isPrivate()) {
        throw new IllegalArgumentException("assertionKey: the private key is needed to sign");
      }
      this.assertionKey = privateKey;
      return this;
    }

    public StepUpClient build() {
      Objects.requireNonNull(baseUrl, "baseUrl is required");
      Objects.requireNonNull(environment, "environment is required");
      if (issuer == null) {
        issuer = baseUrl.toString().replaceAll("/+$", "");
      }
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
      }
      return new StepUpClient(this);
    }
  }
}
