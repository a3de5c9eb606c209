package dev.stepup.application.port.in.admin;

/** Draws text (an admin's {@code otpauth://} enrolment URI) as a scannable QR code. */
public interface RenderQrCodeUseCase {

  /** A PNG image of the QR code. */
  byte[] png(String text);
}
