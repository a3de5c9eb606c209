package dev.stepup.application.port.in.admin;

/** An authenticator code as an admin typed it, spaces and surrounding blanks removed. */
final class AdminCode {

  private AdminCode() {}

  static String normalised(String code) {
    return code == null ? "" : code.replace(" ", "").strip();
  }
}
