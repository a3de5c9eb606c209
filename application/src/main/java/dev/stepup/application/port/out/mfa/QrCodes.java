package dev.stepup.application.port.out.mfa;

/** Renders text (an {@code otpauth://} URI) as a scannable QR code. */
public interface QrCodes {

  /** A PNG image of the QR code. */
  byte[] png(String text);
}
