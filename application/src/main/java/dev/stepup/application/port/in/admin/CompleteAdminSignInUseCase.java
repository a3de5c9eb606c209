package dev.stepup.application.port.in.admin;

/** The admin signed in: their failures are forgotten and the sign-in is audited. */
public interface CompleteAdminSignInUseCase {

  void succeeded(AdminSignInAttempt attempt);
}
