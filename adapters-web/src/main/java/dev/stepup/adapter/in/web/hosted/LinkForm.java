package dev.stepup.adapter.in.web.hosted;

import jakarta.validation.constraints.Size;

/** An email address or phone number to link; the page shows it again when it is refused. */
record LinkForm(
    String format, @Size(max = 320, message = "Use at most 320 characters.") String value) {

  static final LinkForm EMPTY = new LinkForm("email", "");

  LinkForm {
    format = format == null ? "email" : format;
    value = value == null ? "" : value.strip();
  }

  /** Which choice the page marks: the phone number only when that was asked for. */
  public boolean phone() {
    return "phoneNumber".equals(format);
  }
}
