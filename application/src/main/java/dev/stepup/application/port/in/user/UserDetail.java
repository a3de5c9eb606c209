package dev.stepup.application.port.in.user;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import java.util.List;
import java.util.Objects;

/** One user as an admin sees them. */
public record UserDetail(
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
