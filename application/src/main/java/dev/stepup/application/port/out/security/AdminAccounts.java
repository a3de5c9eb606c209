package dev.stepup.application.port.out.security;

import dev.stepup.domain.access.AdminAccount;
import java.util.List;
import java.util.Optional;

/** Administrators of the console. */
public interface AdminAccounts {

  Optional<AdminAccount> find(String username);

  boolean any();

  /** Every admin, by username. */
  List<AdminAccount> all();

  /** Saves the account: its password hash and second factor (inserted when new). */
  void save(AdminAccount account);

  /**
   * Records that a code of {@code step} was accepted, only if no code of that step or a later one
   * was accepted before (atomically, so two requests cannot both spend one code); answers whether
   * it was recorded.
   */
  boolean acceptTotpStep(String username, long step);
}
