package dev.stepup.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user to create: an email address and/or phone number, external wallet addresses, and whether
 * the server should hold a demo embedded wallet for them.
 */
public record NewUser(
    String email, String phoneNumber, List<String> externalWallets, boolean embeddedWallet) {

  public NewUser {
    externalWallets = externalWallets == null ? List.of() : List.copyOf(externalWallets);
  }

  public static NewUser withEmail(String email) {
    return new NewUser(email, null, List.of(), false);
  }

  public NewUser withPhoneNumber(String phone) {
    return new NewUser(email, phone, externalWallets, embeddedWallet);
  }

  public NewUser withEmbeddedWallet() {
    return new NewUser(email, phoneNumber, externalWallets, true);
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (email != null) {
      body.put("email", email);
    }
    if (phoneNumber != null) {
      body.put("phoneNumber", phoneNumber);
    }
    if (!externalWallets.isEmpty()) {
      body.put("externalWallets", externalWallets);
    }
    if (embeddedWallet) {
      body.put("embeddedWallet", true);
    }
    return body;
  }
}
