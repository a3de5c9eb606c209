package dev.stepup.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * This server's external base URL, as providers and browsers reach it: {@code stepup.public-url}
 * when set, else the request's own.
 */
@Component
public class PublicUrl {

  private final String configured;

  public PublicUrl(@Value("${stepup.public-url:}") String configured) {
    this.configured = configured.strip().replaceAll("/+$", "");
  }

  /** The base URL, without a trailing slash. */
  public String of(HttpServletRequest request) {
    return configured.isEmpty()
        ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
        : configured;
  }
}
