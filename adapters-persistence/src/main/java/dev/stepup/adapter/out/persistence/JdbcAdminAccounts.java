package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.domain.access.AdminAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Console administrators with their password hashes and sealed authenticator secrets. */
public final class JdbcAdminAccounts implements AdminAccounts {

  private static final String COLUMNS =
      "SELECT username, password_hash, created_at, totp_secret, totp_last_step FROM admin_accounts";

  private final JdbcClient jdbc;

  public JdbcAdminAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<AdminAccount> find(String username) {
    return jdbc.sql(COLUMNS + " WHERE username = ?")
        .param(username)
        .query((rs, n) -> account(rs))
        .optional();
  }

  @Override
  public boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM admin_accounts").query(Long.class).single() > 0;
  }

  @Override
  public List<AdminAccount> all() {
    return jdbc.sql(COLUMNS + " ORDER BY username").query((rs, n) -> account(rs)).list();
  }

  @Override
  public void save(AdminAccount account) {
    String secret =
        account.totp().map(t -> Base64.getEncoder().encodeToString(t.sealedSecret())).orElse(null);
    Long step = account.totp().map(AdminAccount.AdminTotp::lastAcceptedStep).orElse(null);
    int updated =
        jdbc.sql(
                "UPDATE admin_accounts SET password_hash = ?, totp_secret = ?, totp_last_step = ?"
                    + " WHERE username = ?")
            .params(account.passwordHash(), secret, step, account.username())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO admin_accounts"
                  + " (username, password_hash, created_at, totp_secret, totp_last_step)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(account.username(), account.passwordHash(), at(account.createdAt()), secret, step)
          .update();
    }
  }

  @Override
  public boolean acceptTotpStep(String username, long step) {
    // One conditional update: of two requests spending the same code, only one matches.
    return jdbc.sql(
                "UPDATE admin_accounts SET totp_last_step = ?"
                    + " WHERE username = ? AND totp_secret IS NOT NULL AND totp_last_step < ?")
            .params(step, username, step)
            .update()
        == 1;
  }

  private static AdminAccount account(ResultSet rs) throws SQLException {
    String secret = rs.getString("totp_secret");
    Optional<AdminAccount.AdminTotp> totp =
        secret == null
            ? Optional.empty()
            : Optional.of(
                new AdminAccount.AdminTotp(
                    Base64.getDecoder().decode(secret), rs.getLong("totp_last_step")));
    return new AdminAccount(
        rs.getString("username"),
        rs.getString("password_hash"),
        Columns.instant(rs, "created_at"),
        totp);
  }
}
