package dev.stepup.adapter.in.web.hosted;

/**
 * The sign-in forms' fields: the address, the code sent to it (on the second step) and where to go
 * afterwards. The address is judged by the use case's command; the return address by {@link
 * HostedPages#returnTo}.
 */
record SignInForm(String email, String code, String returnTo) {

  SignInForm {
    email = email == null ? "" : email;
    code = code == null ? "" : code;
  }

  @Override
  public String toString() {
    return "SignInForm[returnTo=" + returnTo + "]";
  }
}
