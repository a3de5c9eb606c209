package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase;
import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase.ChainReport;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.domain.audit.ChainVerifier;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail's hash chains: one environment's (or the server-wide one) verified on request,
 * and exported as JSON lines that an outside tool can verify without the server.
 */
@Controller
class AuditChainController {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final VerifyAuditChainUseCase chains;
  private final FindEnvironmentsUseCase environments;

  AuditChainController(VerifyAuditChainUseCase chains, FindEnvironmentsUseCase environments) {
    this.chains = chains;
    this.environments = environments;
  }

  /** Verifies the chain named by {@code env} (empty: the server-wide one); none without it. */
  @GetMapping("/admin/audit/chain")
  String chain(@RequestParam(required = false) String env, Model model) {
    Optional<EnvironmentId> environment = environment(env == null ? "" : env);
    model.addAttribute("environments", environments.all());
    model.addAttribute("env", environment.map(EnvironmentId::value).orElse(""));
    model.addAttribute("environment", null);
    model.addAttribute("serverWide", env != null && environment.isEmpty());
    if (env != null) {
      ChainReport report = chains.verify(environment);
      model.addAttribute("report", report);
      model.addAttribute("problem", report.verdict().broken().map(AuditChainController::words));
    }
    return "console/audit/chain";
  }

  @GetMapping("/admin/audit/chain/export")
  void export(@RequestParam(defaultValue = "") String env, HttpServletResponse response)
      throws IOException {
    Optional<EnvironmentId> environment = environment(env);
    String chain = environment.map(EnvironmentId::value).orElse("");
    response.setContentType("application/x-ndjson");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit-chain-" + (chain.isEmpty() ? "server" : chain) + ".jsonl\"");
    Writer out = response.getWriter();
    chains.export(
        environment,
        record -> {
          try {
            out.write(JSON.writeValueAsString(record.exportLine(chain)));
            out.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    out.flush();
  }

  /** An environment that exists, else the server-wide chain. */
  private Optional<EnvironmentId> environment(String env) {
    return environments.all().stream()
        .map(e -> e.id())
        .filter(id -> id.value().equals(env))
        .findFirst();
  }

  private static String words(ChainVerifier.Break broken) {
    String where = "record " + broken.id() + " (position " + broken.seq() + ")";
    return switch (broken.kind()) {
      case ALTERED -> "The chain breaks at " + where + ": it was changed after it was sealed.";
      case UNLINKED ->
          "The chain breaks at "
              + where
              + ": it does not follow the record before it, so records were removed or added"
              + " there.";
      case TRUNCATED ->
          "The chain ends at "
              + where
              + ", before the position it was sealed up to: the newest records are missing.";
    };
  }
}
