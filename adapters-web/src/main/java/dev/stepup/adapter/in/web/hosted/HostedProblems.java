package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Problems of the hosted pages shown as a page of their own, never as the API's JSON and never with
 * a stack trace. Ordered first so the API's advice does not answer for these controllers.
 */
@ControllerAdvice(basePackageClasses = HostedProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostedProblems {

  @ExceptionHandler(HostedProblem.class)
  String problem(HostedProblem problem, HttpServletResponse response, Model model) {
    return problemPage(response, model, problem.status(), problem.title(), problem.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletResponse response, Model model) {
    HostedProblem problem = HostedProblem.notFound();
    return problemPage(response, model, problem.status(), problem.title(), problem.getMessage());
  }

  private static String problemPage(
      HttpServletResponse response, Model model, HttpStatus status, String title, String message) {
    response.setStatus(status.value());
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "hosted/problem";
  }
}
