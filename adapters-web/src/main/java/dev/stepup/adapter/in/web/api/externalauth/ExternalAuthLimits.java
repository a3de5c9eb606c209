package dev.stepup.adapter.in.web.api.externalauth;

/** What the API document says of the refusal limit both unauthenticated endpoints share. */
final class ExternalAuthLimits {

  static final String TOO_MANY_ATTEMPTS =
      "`too_many_attempts`: 20 refused requests from one address within 5 minutes lock that"
          + " address out of this endpoint for this environment for 5 minutes; `Retry-After`"
          + " says when to retry";

  private ExternalAuthLimits() {}
}
