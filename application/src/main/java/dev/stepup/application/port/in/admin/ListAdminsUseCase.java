package dev.stepup.application.port.in.admin;

import java.util.List;

/** The console's admins, for the admin accounts page. */
public interface ListAdminsUseCase {

  List<AdminSummary> list();
}
