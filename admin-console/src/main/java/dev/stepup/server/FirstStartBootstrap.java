package dev.stepup.server;

import dev.stepup.application.port.in.bootstrap.BootstrapCommand;
import dev.stepup.application.port.in.bootstrap.BootstrapResult;
import dev.stepup.application.port.in.bootstrap.BootstrapUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Prepares a fresh installation once the server listens, and tells the operator where to go. The
 * generated secrets are written to the console once, never to the log, and never kept.
 */
@Component
@ConditionalOnProperty(name = "stepup.command", havingValue = "serve", matchIfMissing = true)
class FirstStartBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(FirstStartBootstrap.class);

  private final BootstrapUseCase bootstrap;
  private final ManageSocialProvidersUseCase socialProviders;
  private final StepUpProperties properties;
  private final PrintStream console;

  FirstStartBootstrap(
      BootstrapUseCase bootstrap,
      ManageSocialProvidersUseCase socialProviders,
      StepUpProperties properties) {
    this.bootstrap = bootstrap;
    this.socialProviders = socialProviders;
    this.properties = properties;
    this.console = System.out;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    BootstrapCommand command =
        new BootstrapCommand(
            Optional.ofNullable(properties.bootstrap().adminPassword()),
            Optional.ofNullable(properties.bootstrap().demoApiKey()),
            properties.bootstrap().demoEnvironment());
    BootstrapResult result;
    try {
      result = bootstrap.bootstrap(command);
    } catch (DataIntegrityViolationException anotherNodeFirst) {
      // Nodes starting together on an empty shared database: one node's first start committed
      // while ours was rolled back; asked again, the bootstrap sees its admin and does nothing.
      result = bootstrap.bootstrap(command);
    }
    for (StepUpProperties.Provider p : properties.social().providers()) {
      socialProviders.register(
          new SocialProvider(
              new EnvironmentId(p.environment()),
              p.name(),
              p.displayName(),
              p.issuer(),
              p.clientId()),
          p.clientSecret(),
          "configuration",
          new RequestOrigin("127.0.0.1", "stepup.social configuration"));
      LOG.info("Social provider {} registered in environment {}", p.name(), p.environment());
    }
    String base = baseUrl(event);
    if (!result.firstStart()) {
      LOG.info("Step-up server ready: admin console at {}/admin", base);
      return;
    }
    StringBuilder banner = new StringBuilder();
    banner.append("\n================ Step-up server: first start ================\n");
    banner.append("Admin console:  ").append(base).append("/admin\n");
    banner.append("Admin user:     ").append(result.adminUsername()).append('\n');
    Path passwordFile = properties.bootstrap().adminPasswordFile();
    result
        .generatedAdminPassword()
        .ifPresentOrElse(
            p -> {
              if (passwordFile != null) {
                OwnerOnlyFile.write(passwordFile, p + "\n");
                banner.append("Admin password: in ").append(passwordFile);
                banner.append(" (readable by this user only; delete it after signing in)\n");
              } else {
                banner.append("Admin password: ").append(p).append("   (shown once)\n");
              }
            },
            () -> banner.append("Admin password: as set in stepup.bootstrap.admin-password\n"));
    if (properties.bootstrap().demoEnvironment()) {
      banner.append("Demo API:       ").append(base).append("/api/v1/environments/demo\n");
      result
          .generatedDemoApiKey()
          .ifPresentOrElse(
              k -> banner.append("Demo API key:   ").append(k).append("   (shown once)\n"),
              () -> banner.append("Demo API key:   as set in stepup.bootstrap.demo-api-key\n"));
    }
    banner.append("Only hashes of these secrets are stored; keep them now.\n");
    banner.append("=============================================================\n");
    console.println(banner);
    console.flush();
  }

  private static String baseUrl(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : 8080;
    return "http://localhost:" + port;
  }
}
