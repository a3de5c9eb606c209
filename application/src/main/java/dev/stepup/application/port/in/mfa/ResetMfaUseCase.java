package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;

/**
 * An admin resets a user's MFA (a lost phone, a lost security key): the user's authenticator apps,
 * passkeys and recovery codes are removed and their outstanding elevated tokens revoked, so the
 * user steps up by re-authentication until they enrol again. Audited with the admin.
 */
public interface ResetMfaUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such user
   */
  Result reset(Command command);

  /** Whose MFA, and which admin asks. */
  record Command(EnvironmentId environmentId, UserId userId, String admin, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(origin, "origin");
      if (admin.isBlank()) {
        throw new IllegalArgumentException("admin: name who resets the MFA");
      }
    }
  }

  /** What the reset removed. */
  record Result(int devicesRemoved, boolean recoveryCodesRemoved, int tokensRevoked) {}
}
