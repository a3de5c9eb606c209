package dev.stepup.adapter.in.web.api.user;

import dev.stepup.adapter.in.web.api.support.ApiPaths;
import dev.stepup.adapter.in.web.api.support.Callers;
import dev.stepup.adapter.in.web.api.support.Views.UserView;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.GetUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Host backends register their users and sign them in. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/users")
@Tag(name = "Host backend: users and sessions")
@SecurityRequirement(name = "apiKey")
class UsersController {

  private final Callers callers;
  private final CreateUserUseCase createUser;
  private final GetUserUseCase getUser;
  private final StartSessionUseCase startSession;

  UsersController(
      Callers callers,
      CreateUserUseCase createUser,
      GetUserUseCase getUser,
      StartSessionUseCase startSession) {
    this.callers = callers;
    this.createUser = createUser;
    this.getUser = getUser;
    this.startSession = startSession;
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

  @Operation(summary = "Create a user with their sign-in credentials")
  @PostMapping
  ResponseEntity<UserView> create(
      @PathVariable String environmentId,
      @Validated @RequestBody CreateUserRequest body,
      HttpServletRequest request) {
    EnvironmentId environment = callers.hostBackend(request, environmentId);
    var user =
        createUser.create(
            new CreateUserCommand(
                environment,
                Optional.ofNullable(body.email()),
                Optional.ofNullable(body.phoneNumber()),
                Objects.requireNonNullElse(body.externalWallets(), List.of()),
                Boolean.TRUE.equals(body.embeddedWallet()),
                Callers.origin(request)));
    return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(user));
  }

  @Operation(summary = "Read a user")
  @GetMapping("/{userId}")
  UserView get(
      @PathVariable String environmentId, @PathVariable String userId, HttpServletRequest request) {
    EnvironmentId environment = callers.hostBackend(request, environmentId);
    return UserView.of(getUser.get(environment, new UserId(userId)));
  }

  @Operation(summary = "Sign a user in: returns the session token the user's client sends")
  @PostMapping("/{userId}/sessions")
  ResponseEntity<SessionResponse> startSession(
      @PathVariable String environmentId,
      @PathVariable String userId,
      @Validated @RequestBody(required = false) SessionRequest body,
      HttpServletRequest request) {
    EnvironmentId environment = callers.hostBackend(request, environmentId);
    Optional<CredentialId> signIn =
        Optional.ofNullable(body)
            .map(SessionRequest::signInCredentialId)
            .filter(id -> !id.isBlank())
            .map(CredentialId::new);
    StartedSession session =
        startSession.start(
            new StartSessionCommand(
                environment, new UserId(userId), signIn, Callers.origin(request)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new SessionResponse(
                session.sessionId().value(), session.sessionToken(), session.expiresAt()));
  }
}
