package dev.stepup.application.service.user;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.user.GetUserDetailUseCase;
import dev.stepup.application.port.in.user.MfaDevice;
import dev.stepup.application.port.in.user.SearchUsersQuery;
import dev.stepup.application.port.in.user.SearchUsersUseCase;
import dev.stepup.application.port.in.user.UserDetail;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.AuditEntries;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds users for admins and gathers what the console shows about one. */
public final class UserDirectoryService implements SearchUsersUseCase, GetUserDetailUseCase {

  static final int SESSIONS_SHOWN = 20;
  static final int ACTIVITY_SHOWN = 25;

  private final Users users;
  private final UserDirectory directory;
  private final TotpDevices totpDevices;
  private final Passkeys passkeys;
  private final RecoveryCodeStore recoveryCodes;
  private final ElevatedTokens tokens;
  private final AuditLog auditLog;
  private final Clock clock;

  public UserDirectoryService(
      Users users,
      UserDirectory directory,
      TotpDevices totpDevices,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      AuditLog auditLog,
      Clock clock) {
    this.users = users;
    this.directory = directory;
    this.totpDevices = totpDevices;
    this.passkeys = passkeys;
    this.recoveryCodes = recoveryCodes;
    this.tokens = tokens;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @Override
  public List<User> search(SearchUsersQuery query) {
    List<User> found = new ArrayList<>();
    for (UserId id : directory.search(query.environmentId(), query.text(), query.limit())) {
      users.find(query.environmentId(), id).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public Optional<UserDetail> detail(EnvironmentId environmentId, UserId userId) {
    return users.find(environmentId, userId).map(user -> detail(environmentId, user));
  }

  private UserDetail detail(EnvironmentId environmentId, User user) {
    List<MfaDevice> devices =
        Stream.concat(
                totpDevices.confirmedForUser(user.id()).stream()
                    .map(d -> new MfaDevice(d.id(), MfaDevice.Kind.TOTP, d.alias(), d.createdAt())),
                passkeys.forUser(user.id()).stream()
                    .map(
                        p ->
                            new MfaDevice(
                                p.id(), MfaDevice.Kind.PASSKEY, p.alias(), p.createdAt())))
            .sorted(Comparator.comparing(MfaDevice::createdAt))
            .toList();
    List<AuditEntry> activity =
        auditLog
            .search(
                new AuditLog.Query(
                    Optional.of(environmentId),
                    Optional.of(user.id()),
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    ACTIVITY_SHOWN))
            .stream()
            .map(AuditEntries::of)
            .toList();
    long active =
        tokens.count(
            new TokenSearch(
                environmentId,
                Optional.of(TokenState.ACTIVE),
                Optional.empty(),
                Optional.of(user.id()),
                clock.instant(),
                0,
                1));
    return new UserDetail(
        user,
        devices,
        recoveryCodes.unusedCount(user.id()),
        directory.sessionsOf(environmentId, user.id(), SESSIONS_SHOWN),
        activity,
        active);
  }
}
