package dev.stepup.application.port.in.token;

/** Issues an elevated access token once a user has verified (or a host backend vouches). */
public interface IssueElevatedTokenUseCase {

  IssuedElevatedToken issue(IssueElevatedTokenCommand command);
}
