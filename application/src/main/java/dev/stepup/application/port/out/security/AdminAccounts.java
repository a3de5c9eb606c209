package dev.stepup.application.port.out.security;

import dev.stepup.domain.access.AdminAccount;
import java.util.Optional;

/** Administrators of the console. */
public interface AdminAccounts {

  Optional<AdminAccount> find(String username);

  boolean any();

  void save(AdminAccount account);
}
