package dev.stepup.adapter.in.web.hosted;

import jakarta.validation.constraints.Size;

/** One of the user's credentials, named by a row's button (make default, remove). */
record CredentialForm(@Size(max = 64, message = "Use at most 64 characters.") String credentialId) {

  CredentialForm {
    credentialId = credentialId == null ? "" : credentialId.strip();
  }
}
