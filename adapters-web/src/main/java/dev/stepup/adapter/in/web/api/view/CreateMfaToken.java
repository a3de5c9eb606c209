package dev.stepup.adapter.in.web.api.view;

/**
 * The legacy "create an MFA token" flag of action-based MFA (before API version 2026_04_01): sent
 * instead of {@code requestedScopes}, it issues a legacy MFA token good for every wallet action,
 * single-use unless {@code singleUse} is false. Refused once the environment's minimum API version
 * is 2026_04_01.
 */
public record CreateMfaToken(Boolean singleUse) {

  /** Single-use unless the client said otherwise, as the old flag was. */
  public boolean isSingleUse() {
    return singleUse == null || singleUse;
  }
}
