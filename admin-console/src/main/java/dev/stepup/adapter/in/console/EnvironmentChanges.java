package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.AllowSignUpUseCase;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.ListApiKeysUseCase;
import dev.stepup.application.port.in.environment.RenameEnvironmentUseCase;
import dev.stepup.application.port.in.environment.RevokeApiKeyUseCase;
import org.springframework.stereotype.Component;

/** The use cases behind the environment page, one per thing an admin does there. */
@Component
record EnvironmentChanges(
    CreateEnvironmentUseCase create,
    RenameEnvironmentUseCase rename,
    AllowRedirectsUseCase allowRedirects,
    AllowBrowserOriginsUseCase allowBrowserOrigins,
    AllowSignUpUseCase allowSignUp,
    ListApiKeysUseCase listApiKeys,
    CreateApiKeyUseCase createApiKey,
    RevokeApiKeyUseCase revokeApiKey) {}
