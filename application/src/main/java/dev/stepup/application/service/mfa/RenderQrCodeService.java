package dev.stepup.application.service.mfa;

import dev.stepup.application.port.in.admin.RenderQrCodeUseCase;
import dev.stepup.application.port.out.mfa.QrCodes;
import java.util.Objects;

/** Draws QR codes for the console through the {@link QrCodes} port. */
public final class RenderQrCodeService implements RenderQrCodeUseCase {

  private final QrCodes qrCodes;

  public RenderQrCodeService(QrCodes qrCodes) {
    this.qrCodes = Objects.requireNonNull(qrCodes, "qrCodes");
  }

  @Override
  public byte[] png(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("nothing to draw");
    }
    return qrCodes.png(text);
  }
}
