package dev.stepup.application.port.in.admin;

/** The admin signed out (audited). */
public interface SignOutAdminUseCase {

  void signedOut(AdminSignInAttempt attempt);
}
