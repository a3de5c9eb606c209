package dev.stepup.application.service.operations;

import dev.stepup.application.port.in.security.ResealSecretsUseCase;
import dev.stepup.application.port.out.security.SealedSecrets;
import dev.stepup.application.port.out.security.SecretCipher;
import java.util.List;

/**
 * Walks every sealed secret in small pages and reseals those the current key did not seal. Each
 * value is replaced by compare-and-set, so a secret changed meanwhile (a wallet key refreshed, say)
 * is never overwritten with its old content.
 */
public final class ResealSecretsService implements ResealSecretsUseCase {

  static final int PAGE = 100;

  private final SealedSecrets secrets;
  private final SecretCipher cipher;

  public ResealSecretsService(SealedSecrets secrets, SecretCipher cipher) {
    this.secrets = secrets;
    this.cipher = cipher;
  }

  @Override
  public Result reseal() {
    long resealed = 0;
    long current = 0;
    for (String kind : secrets.kinds()) {
      String after = "";
      List<SealedSecrets.Sealed> page;
      do {
        page = secrets.page(kind, after, PAGE);
        for (SealedSecrets.Sealed sealed : page) {
          if (cipher.isSealedWithCurrentKey(sealed.ciphertext())) {
            current++;
          } else if (secrets.replace(sealed, cipher.encrypt(cipher.decrypt(sealed.ciphertext())))) {
            resealed++;
          } else {
            // Rewritten meanwhile by a running node, sealed with its key; a second run
            // reseals it if that node still sealed with an earlier key.
            current++;
          }
          after = sealed.rowKey();
        }
      } while (page.size() == PAGE);
    }
    return new Result(resealed, current);
  }
}
