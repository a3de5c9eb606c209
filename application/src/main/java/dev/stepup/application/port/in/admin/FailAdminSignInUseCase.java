package dev.stepup.application.port.in.admin;

/** The password was wrong or the admin unknown: the attempt stays counted and is audited. */
public interface FailAdminSignInUseCase {

  void failed(AdminSignInAttempt attempt);
}
