package dev.stepup.adapter.in.web.api.prompt;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A created prompt: the URL to open, which carries a single-use launch ticket. */
record PromptResponse(
    String promptId,
    @Schema(
            description =
                "the hosted step-up page; open it within `expiresAt` (two minutes), once, in the"
                    + " user's browser (a popup or a full-page redirect)")
        String url,
    @Schema(description = "when the launch ticket in `url` expires") Instant expiresAt) {
  @Override
  public String toString() {
    return "PromptResponse[promptId=" + promptId + "]";
  }
}
