package dev.stepup.application.port.in.admin;

/**
 * A new authenticator secret for an admin to enrol; kept (sealed) by the caller until confirmed.
 */
public interface StartAdminTotpEnrolmentUseCase {

  AdminTotpEnrolment startEnrolment(String username);
}
