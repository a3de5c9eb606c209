package dev.stepup.adapter.in.web.api.error;

import dev.stepup.adapter.in.web.api.ApiPaths;
import java.io.IOException;

/** A request body went past {@link ApiPaths#MAX_BODY_BYTES} while it was being read. */
final class BodyTooLargeException extends IOException {

  static final String DETAIL =
      "the request body is larger than " + ApiPaths.MAX_BODY_BYTES / 1024 + " KiB";

  BodyTooLargeException() {
    super(DETAIL);
  }
}
