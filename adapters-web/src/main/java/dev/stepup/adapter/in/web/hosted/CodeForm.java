package dev.stepup.adapter.in.web.hosted;

/** A code the user typed (emailed, texted, from an app, or a recovery code); never logged. */
record CodeForm(String code) {

  CodeForm {
    code = code == null ? "" : code.strip();
  }

  @Override
  public String toString() {
    return "CodeForm[code=…]";
  }
}
