package dev.stepup.application.fakes;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.domain.access.AdminAccount;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Admin accounts in memory. */
public final class InMemoryAdminAccounts implements AdminAccounts {
  private final Map<String, AdminAccount> byName = new ConcurrentHashMap<>();

  @Override
  public Optional<AdminAccount> find(String username) {
    return Optional.ofNullable(byName.get(username));
  }

  @Override
  public boolean any() {
    return !byName.isEmpty();
  }

  @Override
  public void save(AdminAccount account) {
    byName.put(account.username(), account);
  }
}
