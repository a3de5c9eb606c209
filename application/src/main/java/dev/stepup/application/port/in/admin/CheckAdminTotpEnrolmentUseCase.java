package dev.stepup.application.port.in.admin;

/**
 * Whether a console admin has enrolled the authenticator app (TOTP) that is their second factor:
 * enrolled at first sign-in, asked after the password and again before destructive actions.
 */
public interface CheckAdminTotpEnrolmentUseCase {

  boolean enrolled(String username);
}
