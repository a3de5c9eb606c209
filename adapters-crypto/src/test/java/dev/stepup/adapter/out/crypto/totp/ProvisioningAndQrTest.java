package dev.stepup.adapter.out.crypto.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProvisioningAndQrTest {

  final OtpauthProvisioning provisioning = new OtpauthProvisioning();

  @Test
  void secretIsUnpaddedBase32() {
    assertThat(provisioning.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(provisioning.base32(new byte[] {1})).isEqualTo("AE");
  }

  @Test
  void otpauthUriNamesIssuerAccountAndParameters() {
    String uri =
        provisioning.otpauthUri(
            "Step-up (Demo)",
            "alice@example.com",
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/Step-up%20%28Demo%29:alice%40example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Step-up%20%28Demo%29"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void qrCodeDecodesBackToTheText() throws Exception {
    String text = "otpauth://totp/Demo:alice?secret=GEZDGNBVGY3TQOJQ&issuer=Demo";
    byte[] png = new ZxingQrCodes().png(text);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    var image = ImageIO.read(new ByteArrayInputStream(png));
    var decoded =
        new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
    assertThat(decoded.getText()).isEqualTo(text);
  }
}
