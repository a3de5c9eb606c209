package dev.stepup.adapter.in.web.hosted;

import jakarta.validation.constraints.Size;

/** A message for the demo wallet to sign. */
record MessageForm(
    @Size(
            min = 1,
            max = MessageForm.MAX,
            message = "Write a message of 1 to 4096 characters to sign.")
        String message) {

  static final int MAX = 4096;

  MessageForm {
    message = message == null ? "" : message;
  }
}
