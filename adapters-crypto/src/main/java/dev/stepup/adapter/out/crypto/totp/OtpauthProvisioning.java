package dev.stepup.adapter.out.crypto.totp;

import dev.stepup.application.port.out.mfa.TotpProvisioning;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.util.encoders.Base32;

/** Key URIs in the format authenticator apps scan ({@code otpauth://totp/…}). */
public final class OtpauthProvisioning implements TotpProvisioning {

  @Override
  public String base32(byte[] secret) {
    return Base32.toBase32String(secret).replace("=", "");
  }

  @Override
  public String otpauthUri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + RfcTotpVerifier.DIGITS
        + "&period="
        + RfcTotpVerifier.STEP.getSeconds();
  }

  private static String encode(String text) {
    // Key URIs want %20, not '+', for spaces.
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
