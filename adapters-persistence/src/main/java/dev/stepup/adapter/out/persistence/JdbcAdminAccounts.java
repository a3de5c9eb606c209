package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.domain.access.AdminAccount;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Console administrators with their password hashes. */
public final class JdbcAdminAccounts implements AdminAccounts {

  private final JdbcClient jdbc;

  public JdbcAdminAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<AdminAccount> find(String username) {
    return jdbc.sql(
            "SELECT username, password_hash, created_at FROM admin_accounts WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new AdminAccount(
                    rs.getString(1), rs.getString(2), Columns.instant(rs, "created_at")))
        .optional();
  }

  @Override
  public boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM admin_accounts").query(Long.class).single() > 0;
  }

  @Override
  public void save(AdminAccount account) {
    int updated =
        jdbc.sql("UPDATE admin_accounts SET password_hash = ? WHERE username = ?")
            .params(account.passwordHash(), account.username())
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO admin_accounts (username, password_hash, created_at) VALUES (?, ?, ?)")
          .params(account.username(), account.passwordHash(), at(account.createdAt()))
          .update();
    }
  }
}
