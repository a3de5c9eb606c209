package dev.stepup.application.port.in.stepup;

import java.util.Objects;

/**
 * Who asks for wallet signatures: the authority and URI shown in the message, and the chain the
 * wallet should be on.
 */
public record WalletChallengeSettings(String domain, String uri, long chainId) {
  public WalletChallengeSettings {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(uri, "uri");
    if (chainId < 1) {
      throw new IllegalArgumentException("chain id must be positive");
    }
  }
}
