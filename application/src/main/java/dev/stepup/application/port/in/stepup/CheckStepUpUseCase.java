package dev.stepup.application.port.in.stepup;

/** Answers whether a signed-in user must step up for a scope, and with which credentials. */
public interface CheckStepUpUseCase {

  /** Never throws for an internal failure: it then answers "required" with nothing eligible. */
  CheckStepUpResult check(CheckStepUpQuery query);
}
