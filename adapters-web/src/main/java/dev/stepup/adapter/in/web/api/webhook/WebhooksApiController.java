package dev.stepup.adapter.in.web.api.webhook;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.HostBackend;
import dev.stepup.application.port.in.webhook.ReadWebhookUseCase;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.webhook.WebhookDelivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The environment's recent webhook deliveries, for a host backend checking its endpoint. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/webhooks")
@Tag(name = "Host backend: webhooks")
@SecurityRequirement(name = "apiKey")
class WebhooksApiController {

  private final ReadWebhookUseCase webhooks;

  WebhooksApiController(ReadWebhookUseCase webhooks) {
    this.webhooks = webhooks;
  }

  @Schema(
      description =
          "One webhook delivery: `status` is `queued`, `sending`, `retrying` (failed, waiting for"
              + " `nextAttemptAt`), `sent` or `dead` (given up). Never the payload.")
  record DeliveryResponse(
      String eventId,
      String type,
      String endpoint,
      String status,
      int attempts,
      Instant queuedAt,
      Optional<Instant> nextAttemptAt,
      Optional<Instant> finishedAt,
      Optional<String> lastError) {

    static DeliveryResponse of(WebhookDelivery d) {
      return new DeliveryResponse(
          d.eventId(),
          d.eventType(),
          d.endpoint(),
          d.status(),
          d.attempts(),
          d.queuedAt(),
          d.nextAttempt(),
          d.finishedAt(),
          d.lastError());
    }
  }

  record DeliveriesResponse(List<DeliveryResponse> deliveries) {}

  @Operation(summary = "List the environment's recent webhook deliveries, newest first")
  @ApiResponse(
      responseCode = "200",
      description = "the deliveries",
      content = @Content(schema = @Schema(implementation = DeliveriesResponse.class)))
  @ApiResponse(
      responseCode = "403",
      description = "`insufficient_permission`: the API key lacks `webhooks:read`",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/deliveries")
  DeliveriesResponse deliveries(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "50") int limit,
      @Caller(ApiPermission.WEBHOOKS_READ) HostBackend caller) {
    return new DeliveriesResponse(
        webhooks.deliveries(caller.environment(), limit).stream()
            .map(DeliveryResponse::of)
            .toList());
  }
}
