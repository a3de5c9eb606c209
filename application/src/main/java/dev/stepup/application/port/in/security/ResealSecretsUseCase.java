package dev.stepup.application.port.in.security;

/**
 * Reseals every stored secret under the current master key, after an operator changed it; reads
 * keep working throughout because the previous key still opens what is not resealed yet.
 */
public interface ResealSecretsUseCase {

  Result reseal();

  /**
   * @param resealed values now sealed under the current key
   * @param alreadyCurrent values that were sealed under it before
   */
  record Result(long resealed, long alreadyCurrent) {}
}
