package dev.stepup.application.fakes;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.domain.access.AdminAccount;
import java.util.Comparator;
import java.util.List;
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
  public List<AdminAccount> all() {
    return byName.values().stream().sorted(Comparator.comparing(AdminAccount::username)).toList();
  }

  @Override
  public void save(AdminAccount account) {
    byName.put(account.username(), account);
  }

  @Override
  public synchronized boolean acceptTotpStep(String username, long step) {
    AdminAccount a = byName.get(username);
    if (a == null || a.totp().isEmpty() || !a.totp().get().accepts(step)) {
      return false;
    }
    byName.put(
        username,
        new AdminAccount(
            a.username(),
            a.passwordHash(),
            a.createdAt(),
            Optional.of(new AdminAccount.AdminTotp(a.totp().get().sealedSecret(), step))));
    return true;
  }
}
