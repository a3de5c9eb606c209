package dev.stepup.adapter.in.web.api.token;

import dev.stepup.application.port.in.token.GetVerificationKeysUseCase;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys host backends use to verify multi-use elevated tokens offline. */
@RestController
class JwksController {

  static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

  private final GetVerificationKeysUseCase keys;

  JwksController(GetVerificationKeysUseCase keys) {
    this.keys = keys;
  }

  @GetMapping(
      path = "/.well-known/jwks.json",
      produces = {"application/jwk-set+json", "application/json"})
  ResponseEntity<String> jwks() {
    // Short caching: rotated keys must reach verifiers well within a token's lifetime.
    return ResponseEntity.ok()
        .contentType(JWK_SET)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(keys.jwksJson());
  }
}
