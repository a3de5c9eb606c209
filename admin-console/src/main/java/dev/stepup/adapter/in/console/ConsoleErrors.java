package dev.stepup.adapter.in.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * Console pages answer an unknown environment or user with its status (404), ahead of the REST
 * API's catch-all problem mapping, which would otherwise turn it into an opaque 500.
 */
@ControllerAdvice(basePackages = "dev.stepup.adapter.in.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

  @ExceptionHandler(ResponseStatusException.class)
  void status(ResponseStatusException e, HttpServletResponse response) throws IOException {
    response.sendError(e.getStatusCode().value());
  }
}
