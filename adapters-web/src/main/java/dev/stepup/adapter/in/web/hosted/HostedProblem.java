package dev.stepup.adapter.in.web.hosted;

import org.springframework.http.HttpStatus;

/** A request a hosted page cannot serve, explained to the user on a page of its own. */
final class HostedProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  HostedProblem(HttpStatus status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  static HostedProblem notFound() {
    return new HostedProblem(
        HttpStatus.NOT_FOUND, "Page not found", "There is no such page here. Check the address.");
  }

  static HostedProblem foreignReturn() {
    return new HostedProblem(
        HttpStatus.BAD_REQUEST,
        "This link cannot be followed",
        "The link asks to send you on to an address this service does not trust, so it was"
            + " stopped. Go back to the app you came from and try again from there.");
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }
}
