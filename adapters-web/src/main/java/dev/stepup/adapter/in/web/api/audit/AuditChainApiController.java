package dev.stepup.adapter.in.web.api.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.HostBackend;
import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase;
import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase.ChainReport;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.audit.ChainVerifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The environment's tamper-evident audit chain for host backends: verified by the server, or
 * exported as JSON lines to verify elsewhere (the hash formula is in the README).
 */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/audit/chain")
@Tag(name = "Host backend: audit chain")
@SecurityRequirement(name = "apiKey")
class AuditChainApiController {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final VerifyAuditChainUseCase chains;

  AuditChainApiController(VerifyAuditChainUseCase chains) {
    this.chains = chains;
  }

  /** Where a chain breaks and how ({@code altered}, {@code unlinked}, {@code truncated}). */
  record ChainBreak(long recordId, long position, String kind) {}

  @Schema(
      description =
          "`intact` is false when a sealed record was changed, removed or added afterwards; `break`"
              + " names the first such place. Records written in the last second or so wait to be"
              + " sealed (`unsealed`).")
  record ChainResponse(
      boolean intact,
      long checked,
      long firstPosition,
      long headPosition,
      String headHash,
      long unsealed,
      @JsonProperty("break") Optional<ChainBreak> firstBreak) {

    static ChainResponse of(ChainReport report) {
      ChainVerifier.Verdict v = report.verdict();
      return new ChainResponse(
          v.intact(),
          v.checked(),
          v.firstSeq(),
          v.headSeq(),
          v.headHash(),
          report.unsealed(),
          v.broken()
              .map(b -> new ChainBreak(b.id(), b.seq(), b.kind().name().toLowerCase(Locale.ROOT))));
    }
  }

  @Operation(summary = "Verify the environment's audit chain")
  @ApiResponse(
      responseCode = "200",
      description = "the chain's state",
      content = @Content(schema = @Schema(implementation = ChainResponse.class)))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `audit:read`",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping
  ChainResponse verify(
      @PathVariable String environmentId, @Caller(ApiPermission.AUDIT_READ) HostBackend caller) {
    return ChainResponse.of(chains.verify(Optional.of(caller.environment())));
  }

  @Operation(
      summary = "Export the environment's sealed audit chain as JSON lines",
      description =
          "One record per line in chain order: `chain`, `seq`, `previous`, `hash`, then the sealed"
              + " fields. hash = hex(SHA-256(previous + \"\\n\" + each field as \"-\" when null,"
              + " else its UTF-8 byte length, \":\" and its value)); the first record's previous"
              + " is 64 zeros.")
  @ApiResponse(
      responseCode = "200",
      description = "the records",
      content = @Content(mediaType = "application/x-ndjson"))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `audit:read`",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/export")
  void export(
      @PathVariable String environmentId,
      @Caller(ApiPermission.AUDIT_READ) HostBackend caller,
      HttpServletResponse response)
      throws IOException {
    String chain = caller.environment().value();
    response.setContentType("application/x-ndjson");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer out = response.getWriter();
    chains.export(
        Optional.of(caller.environment()),
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
}
