package dev.stepup.example.hostapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The little HTTP this app needs: form bodies in, JSON and static files out, one cookie. */
final class Http {

  static final String SESSION_COOKIE = "host_session";
  private static final int MAX_BODY = 4096;

  private Http() {}

  static Map<String, String> form(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.length > MAX_BODY) {
      return fields;
    }
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return fields;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  static Optional<String> cookie(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        String[] kv = part.trim().split("=", 2);
        if (kv.length == 2 && kv[0].equals(name)) {
          return Optional.of(kv[1]);
        }
      }
    }
    return Optional.empty();
  }

  /** Answers a JSON object of string values. */
  static void json(HttpExchange exchange, int status, Map<String, String> fields)
      throws IOException {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (k, v) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(quote(k)).append(':').append(quote(v));
        });
    String type = status >= 400 ? "application/problem+json" : "application/json";
    send(exchange, status, type, json.append('}').toString().getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
