package dev.stepup.domain.wallet;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An EIP-4361 (Sign-In with Ethereum) message: what the user's wallet shows and signs. Rendered
 * exactly as the standard lays it out, so wallets recognise it and parse its fields.
 *
 * @param domain the RFC 3986 authority asking for the signature, e.g. {@code localhost:8080}
 * @param address the EIP-55 checksummed address expected to sign
 * @param statement one human-readable line naming what the signature is for
 */
public record SiweMessage(
    String domain,
    String address,
    String statement,
    String uri,
    long chainId,
    String nonce,
    Instant issuedAt,
    Instant expirationTime) {

  private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");

  public SiweMessage {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expirationTime, "expirationTime");
    if (!AUTHORITY.matcher(domain).matches()) {
      throw new IllegalArgumentException("domain must be a host with an optional port: " + domain);
    }
    if (!ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("address must be 0x and 40 hex digits");
    }
    if (statement.contains("\n")) {
      throw new IllegalArgumentException("the statement is one line");
    }
    if (chainId < 1) {
      throw new IllegalArgumentException("chain id must be positive");
    }
    if (!NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException("the nonce is at least 8 letters or digits");
    }
    if (!expirationTime.isAfter(issuedAt)) {
      throw new IllegalArgumentException("the message must expire after it is issued");
    }
  }

  /** The text the wallet signs with {@code personal_sign}. */
  public String render() {
    return domain
        + " wants you to sign in with your Ethereum account:\n"
        + address
        + "\n\n"
        + statement
        + "\n\n"
        + "URI: "
        + uri
        + "\nVersion: 1"
        + "\nChain ID: "
        + chainId
        + "\nNonce: "
        + nonce
        + "\nIssued At: "
        + timestamp(issuedAt)
        + "\nExpiration Time: "
        + timestamp(expirationTime);
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
