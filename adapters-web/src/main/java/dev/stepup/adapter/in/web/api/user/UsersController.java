package dev.stepup.adapter.in.web.api.user;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.HostBackend;
import dev.stepup.adapter.in.web.api.view.UserView;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.EndUserSessionUseCase;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.user.ListUserSessionsUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Host backends register their users, sign them in, and see and end their sessions. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/users")
@Tag(name = "Host backend: users and sessions")
@SecurityRequirement(name = "apiKey")
class UsersController {

  private final CreateUserUseCase createUser;
  private final GetUserUseCase getUser;
  private final StartSessionUseCase startSession;
  private final ListUserSessionsUseCase sessionList;
  private final EndUserSessionUseCase sessionEnd;

  UsersController(
      CreateUserUseCase createUser,
      GetUserUseCase getUser,
      StartSessionUseCase startSession,
      ListUserSessionsUseCase sessionList,
      EndUserSessionUseCase sessionEnd) {
    this.createUser = createUser;
    this.getUser = getUser;
    this.startSession = startSession;
    this.sessionList = sessionList;
    this.sessionEnd = sessionEnd;
  }

  record CreateUserRequest(
      @Size(max = 320) String email,
      @Size(max = 32) String phoneNumber,
      @Size(max = 20) List<String> externalWallets,
      Boolean embeddedWallet) {}

  record SessionRequest(@Size(max = 100) String signInCredentialId) {}

  record SessionResponse(String sessionId, String sessionToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "SessionResponse[sessionId=" + sessionId + "]";
    }
  }

  /**
   * An active session as its host backend sees it; never its bearer token.
   *
   * @param activeUntil when it lapses unless used again: its idle timeout or, sooner, its expiry
   */
  record SessionView(
      String sessionId,
      Optional<String> signInCredentialId,
      Instant createdAt,
      Instant lastSeenAt,
      Instant activeUntil,
      Instant expiresAt) {
    static SessionView of(Session s) {
      return new SessionView(
          s.id().value(),
          s.signInCredentialId().map(CredentialId::value),
          s.createdAt(),
          s.lastSeenAt(),
          s.activeUntil(),
          s.expiresAt());
    }
  }

  @Operation(summary = "Create a user with their sign-in credentials")
  @ApiResponse(
      responseCode = "201",
      description = "the user",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `users:write`",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping
  ResponseEntity<UserView> create(
      @PathVariable String environmentId,
      @Validated @RequestBody CreateUserRequest body,
      @Caller(ApiPermission.USERS_WRITE) HostBackend caller) {
    var user =
        createUser.create(
            new CreateUserCommand(
                caller.environment(),
                Optional.ofNullable(body.email()),
                Optional.ofNullable(body.phoneNumber()),
                Objects.requireNonNullElse(body.externalWallets(), List.of()),
                Boolean.TRUE.equals(body.embeddedWallet()),
                caller.origin()));
    return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(user));
  }

  @Operation(summary = "Read a user")
  @ApiResponse(
      responseCode = "200",
      description = "the user",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `users:read`",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/{userId}")
  UserView get(
      @PathVariable String environmentId,
      @PathVariable String userId,
      @Caller(ApiPermission.USERS_READ) HostBackend caller) {
    return UserView.of(getUser.get(caller.environment(), new UserId(userId)));
  }

  @Operation(summary = "Sign a user in: returns the session token the user's client sends")
  @ApiResponse(
      responseCode = "201",
      description = "the session and its bearer token",
      content = @Content(schema = @Schema(implementation = SessionResponse.class)))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `sessions:write`",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping("/{userId}/sessions")
  ResponseEntity<SessionResponse> startSession(
      @PathVariable String environmentId,
      @PathVariable String userId,
      @Validated @RequestBody(required = false) SessionRequest body,
      @Caller(ApiPermission.SESSIONS_WRITE) HostBackend caller) {
    Optional<CredentialId> signIn =
        Optional.ofNullable(body)
            .map(SessionRequest::signInCredentialId)
            .filter(id -> !id.isBlank())
            .map(CredentialId::new);
    StartedSession session =
        startSession.start(
            new StartSessionCommand(
                caller.environment(), new UserId(userId), signIn, caller.origin()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new SessionResponse(
                session.sessionId().value(), session.sessionToken(), session.expiresAt()));
  }

  @Operation(
      summary = "List the user's active sessions, newest first",
      description =
          "A session is active until it is ended, until its absolute lifetime"
              + " (stepup.sessions.lifetime, default 12 hours) or after going unused for the idle"
              + " timeout (stepup.sessions.idle-timeout, default 30 minutes).")
  @ApiResponse(
      responseCode = "200",
      description = "the active sessions",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = SessionView.class))))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `sessions:read`",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/{userId}/sessions")
  List<SessionView> sessions(
      @PathVariable String environmentId,
      @PathVariable String userId,
      @Caller(ApiPermission.SESSIONS_READ) HostBackend caller) {
    return sessionList.list(caller.environment(), new UserId(userId)).stream()
        .map(SessionView::of)
        .toList();
  }

  @Operation(
      summary = "End one of the user's sessions and revoke its elevated tokens",
      description = "Ending an ended session again answers 204 as well.")
  @ApiResponse(responseCode = "204", description = "the session has ended")
  @ApiResponse(
      responseCode = "404",
      description = "no such user, or the session is not this user's in this environment")
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `sessions:write`",
      content = @Content(mediaType = "application/problem+json"))
  @DeleteMapping("/{userId}/sessions/{sessionId}")
  ResponseEntity<Void> endSession(
      @PathVariable String environmentId,
      @PathVariable String userId,
      @PathVariable String sessionId,
      @Caller(ApiPermission.SESSIONS_WRITE) HostBackend caller) {
    sessionEnd.end(
        new EndUserSessionUseCase.Command(
            caller.environment(), new UserId(userId), new SessionId(sessionId), caller.origin()));
    return ResponseEntity.noContent().build();
  }
}
