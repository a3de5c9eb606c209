package dev.stepup.application.port.in.user;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Admins find an environment's users and look at one: credentials, MFA, sessions, activity. */
public interface BrowseUsersUseCase {

  List<User> search(SearchUsersQuery query);

  /** Everything the console shows about one user; empty when the environment has no such user. */
  Optional<UserDetail> detail(EnvironmentId environmentId, UserId userId);

  /** One user as an admin sees them. */
  record UserDetail(
      User user,
      List<MfaDevice> mfaDevices,
      int unusedRecoveryCodes,
      List<Session> sessions,
      List<AuditEntry> recentActivity,
      long activeTokens) {
    public UserDetail {
      Objects.requireNonNull(user, "user");
      mfaDevices = List.copyOf(mfaDevices);
      sessions = List.copyOf(sessions);
      recentActivity = List.copyOf(recentActivity);
    }
  }

  /** An enrolled authenticator app or passkey; never its secret or public key. */
  record MfaDevice(CredentialId id, Kind kind, String alias, Instant createdAt) {

    /** What kind of device it is. */
    public enum Kind {
      TOTP,
      PASSKEY
    }
  }
}
