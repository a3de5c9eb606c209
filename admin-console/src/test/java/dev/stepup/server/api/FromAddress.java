package dev.stepup.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends one JSON POST from another loopback address (127.0.0.2, ...), so a test can be two clients
 * the server tells apart by their remote address.
 */
final class FromAddress {

  /** The status, one header and the body of an answer. */
  record Answer(int status, String head, String body) {

    Optional<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return head.lines()
          .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(l -> l.substring(prefix.length()).trim())
          .findFirst();
    }

    String code() {
      return ApiClient.JSON.readTree(body).path("code").asString();
    }
  }

  private final String localAddress;
  private final int port;

  FromAddress(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  Answer post(String path, Object body) {
    byte[] json = ApiClient.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(30_000);
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      OutputStream out = socket.getOutputStream();
      // HTTP/1.0: the answer is neither chunked nor kept alive; it ends when the socket closes.
      String head =
          "POST "
              + path
              + " HTTP/1.0\r\nHost: localhost:"
              + port
              + "\r\nContent-Type: application/json\r\nUser-Agent: stepup-it\r\nContent-Length: "
              + json.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(json);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      String responseHead = answer.substring(0, end);
      int status = Integer.parseInt(responseHead.split(" ", 3)[1]);
      return new Answer(status, responseHead, answer.substring(end + 4));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
