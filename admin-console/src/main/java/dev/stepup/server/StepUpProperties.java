package dev.stepup.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code stepup.*}; each can also be set as an environment variable, e.g. {@code
 * STEPUP_BOOTSTRAP_ADMIN_PASSWORD}.
 *
 * @param dataDir where the embedded database and the generated master key live
 * @param issuer the {@code iss} of elevated tokens
 * @param masterKey base64 of 32 bytes protecting secrets at rest; generated into the data directory
 *     when unset (set it, the same on every node, when running more than one)
 * @param masterKeyFile a file holding the master key (base64), kept outside the data directory;
 *     used when {@code masterKey} is unset
 * @param previousMasterKeys master keys being rotated out (base64): they still open secrets until
 *     {@code rotate-master-key} has resealed everything under {@code masterKey}
 * @param signingKeyRotation how long a token-signing key signs before a new one takes over
 */
@ConfigurationProperties("stepup")
public record StepUpProperties(
    Path dataDir,
    String issuer,
    String masterKey,
    Path masterKeyFile,
    java.util.List<String> previousMasterKeys,
    Duration signingKeyRotation,
    Bootstrap bootstrap,
    Mail mail,
    Sms sms,
    Wallet wallet,
    Passkeys passkeys,
    Social social,
    Lockout lockout) {

  public StepUpProperties {
    dataDir = dataDir == null ? Path.of("data") : dataDir;
    issuer = issuer == null || issuer.isBlank() ? "http://localhost:8080" : issuer;
    previousMasterKeys =
        previousMasterKeys == null
            ? java.util.List.of()
            : java.util.List.copyOf(previousMasterKeys);
    signingKeyRotation = signingKeyRotation == null ? Duration.ofDays(30) : signingKeyRotation;
    bootstrap = bootstrap == null ? new Bootstrap(null, null, null, null) : bootstrap;
    mail = mail == null ? new Mail(null) : mail;
    sms = sms == null ? new Sms(null, null, null, null) : sms;
    wallet = wallet == null ? new Wallet(null, null, null) : wallet;
    passkeys = passkeys == null ? new Passkeys(null, null, null, false) : passkeys;
    social = social == null ? new Social(null) : social;
    lockout = lockout == null ? new Lockout(null, null) : lockout;
  }

  /**
   * The hard lock behind the per-method locks: after {@code maxConsecutiveFailures} failed
   * verifications in a row by any methods (default and most 100), every step-up of the user is
   * refused until an admin unlocks it on the user's page or {@code hardLockDuration} (default 24
   * hours) has passed.
   */
  public record Lockout(Integer maxConsecutiveFailures, Duration hardLockDuration) {
    public Lockout {
      maxConsecutiveFailures =
          maxConsecutiveFailures == null
              ? dev.stepup.domain.attempt.HardLockPolicy.MAX_CONSECUTIVE_FAILURES
              : maxConsecutiveFailures;
      hardLockDuration =
          hardLockDuration == null
              ? dev.stepup.domain.attempt.HardLockPolicy.DEFAULT_COOL_DOWN
              : hardLockDuration;
    }

    /** The domain's rule; refuses (at start-up) a cap above 100 or a cool-down that is not one. */
    public dev.stepup.domain.attempt.HardLockPolicy policy() {
      return new dev.stepup.domain.attempt.HardLockPolicy(maxConsecutiveFailures, hardLockDuration);
    }
  }

  /**
   * OpenID Connect providers for social re-authentication, e.g. {@code
   * stepup.social.providers[0].name=google}; each is registered (or updated) in its environment at
   * every start. The callback to register at the provider is {@code
   * <public-url>/api/v1/environments/<environment>/step-up/social/<name>/callback}.
   */
  public record Social(java.util.List<Provider> providers) {
    public Social {
      providers = providers == null ? java.util.List.of() : java.util.List.copyOf(providers);
    }
  }

  /** One provider: its environment (default {@code demo}), name, issuer and client. */
  public record Provider(
      String environment,
      String name,
      String displayName,
      URI issuer,
      String clientId,
      String clientSecret) {
    public Provider {
      environment = environment == null || environment.isBlank() ? "demo" : environment;
    }

    @Override
    public String toString() {
      return "Provider[" + environment + "/" + name + ", issuer=" + issuer + "]";
    }
  }

  /**
   * The WebAuthn relying party: its id (default {@code localhost}), the name authenticators show,
   * and the origins pages may run from (default: the issuer's origin).
   */
  public record Passkeys(
      String rpId, String rpName, java.util.List<String> origins, boolean allowOriginPort) {
    public Passkeys {
      rpId = rpId == null || rpId.isBlank() ? "localhost" : rpId;
      rpName = rpName == null || rpName.isBlank() ? "Step-up" : rpName;
      origins = origins == null ? java.util.List.of() : java.util.List.copyOf(origins);
    }

    public java.util.Set<String> originsOr(String issuer) {
      if (!origins.isEmpty()) {
        return java.util.Set.copyOf(origins);
      }
      java.net.URI base = java.net.URI.create(issuer);
      return java.util.Set.of(base.getScheme() + "://" + base.getRawAuthority());
    }
  }

  /**
   * What wallet signature challenges show: the authority and URI (default: the issuer's) and the
   * chain id (default 1, Ethereum mainnet).
   */
  public record Wallet(String domain, String uri, Long chainId) {
    public Wallet {
      chainId = chainId == null ? 1L : chainId;
    }

    public dev.stepup.application.port.in.stepup.WalletChallengeSettings settings(String issuer) {
      java.net.URI base = java.net.URI.create(issuer);
      return new dev.stepup.application.port.in.stepup.WalletChallengeSettings(
          domain == null || domain.isBlank() ? base.getRawAuthority() : domain,
          uri == null || uri.isBlank() ? issuer : uri,
          chainId);
    }
  }

  /** Secrets for the first start; each one left unset is generated and printed once. */
  /**
   * The first start: the admin password and demo API key to use instead of generated ones, whether
   * to create the demo environment (not in production), and where a generated admin password is
   * written instead of the console (a file only the process owner can read).
   */
  public record Bootstrap(
      String adminPassword, String demoApiKey, Boolean demoEnvironment, Path adminPasswordFile) {
    public Bootstrap {
      demoEnvironment = demoEnvironment == null || demoEnvironment;
    }

    @Override
    public String toString() {
      return "Bootstrap[secrets hidden]";
    }
  }

  /** The sender address of emails (the SMTP server itself is {@code spring.mail.*}). */
  public record Mail(String from) {
    public Mail {
      from = from == null || from.isBlank() ? "Step-up <no-reply@localhost>" : from;
    }
  }

  /** An SMS provider's HTTP endpoint; without one, texts go to the development outbox. */
  public record Sms(URI gatewayUrl, String bearerToken, String username, String password) {
    @Override
    public String toString() {
      return "Sms[gatewayUrl=" + gatewayUrl + "]";
    }
  }

  @Override
  public String toString() {
    return "StepUpProperties[dataDir=" + dataDir + ", issuer=" + issuer + "]";
  }
}
