package dev.stepup.application.service.prompt;

import dev.stepup.application.port.in.prompt.PromptToken;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.domain.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A redirect prompt's tokens while they wait (at most a minute) for the host backend: sealed with
 * the master key, as one line per token ({@code token scopes singleUse expiresAt}).
 */
final class SealedPromptTokens {

  private final SecretCipher cipher;

  SealedPromptTokens(SecretCipher cipher) {
    this.cipher = cipher;
  }

  String seal(List<PromptToken> tokens) {
    StringBuilder text = new StringBuilder();
    for (PromptToken t : tokens) {
      text.append(t.elevatedAccessToken())
          .append('\t')
          .append(Scope.joinWire(t.scopes()))
          .append('\t')
          .append(t.singleUse())
          .append('\t')
          .append(t.expiresAt())
          .append('\n');
    }
    byte[] sealed = cipher.encrypt(text.toString().getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(sealed);
  }

  List<PromptToken> unseal(String sealed) {
    String text =
        new String(cipher.decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    List<PromptToken> tokens = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      tokens.add(
          new PromptToken(
              parts[0],
              Scope.parseAll(List.of(parts[1].split(" "))),
              Boolean.parseBoolean(parts[2]),
              Instant.parse(parts[3])));
    }
    return tokens;
  }
}
