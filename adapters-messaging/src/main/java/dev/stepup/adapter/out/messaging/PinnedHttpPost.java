package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.DeliveryFailure.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to addresses already resolved and checked, with the URL's own name in the
 * {@code Host} header, the TLS server name (SNI) and the certificate check: nothing resolves the
 * name again, so it cannot be rebound to another address between the check and the connection. Only
 * the status line of the answer is read; the connection is closed after it.
 */
final class PinnedHttpPost {

  private static final int MAX_STATUS_LINE = 8_192;

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final SSLSocketFactory tls;

  PinnedHttpPost(Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.tls = tls;
  }

  /**
   * @return the answer's HTTP status
   * @throws MessageDeliveryException {@code RETRY} when no address could be reached in time or the
   *     answer did not come in time or was not HTTP
   */
  int post(URI uri, List<InetAddress> addresses, Map<String, String> headers, String body) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), millis(connectTimeout));
      } catch (IOException e) {
        close(socket);
        last = e;
        continue;
      }
      try (Socket open = https ? secure(socket, uri.getHost(), port) : socket) {
        return exchange(open, uri, port, https, headers, body);
      } catch (SocketTimeoutException e) {
        throw new MessageDeliveryException(Kind.RETRY, "the endpoint did not answer in time", e);
      } catch (IOException e) {
        throw new MessageDeliveryException(Kind.RETRY, "the endpoint could not be reached", e);
      }
    }
    throw new MessageDeliveryException(Kind.RETRY, "the endpoint could not be reached", last);
  }

  private Socket secure(Socket socket, String host, int port) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    // The certificate must name the URL's host, as HttpClient would check it.
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.startsWith("[") && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    ssl.setSoTimeout(millis(readTimeout));
    ssl.startHandshake();
    return ssl;
  }

  private int exchange(
      Socket socket, URI uri, int port, boolean https, Map<String, String> headers, String body)
      throws IOException {
    socket.setSoTimeout(millis(readTimeout));
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    boolean defaultPort = port == (https ? 443 : 80);
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port);
    head.append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(content.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(content);
    out.flush();
    return status(socket.getInputStream(), System.nanoTime() + readTimeout.toNanos());
  }

  /** Reads the status line, within the read timeout in all (not per read). */
  private static int status(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (System.nanoTime() > deadline) {
        throw new SocketTimeoutException("status line too slow");
      }
      if (line.size() >= MAX_STATUS_LINE) {
        break;
      }
      line.write(b);
    }
    String[] parts = line.toString(StandardCharsets.ISO_8859_1).trim().split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
      throw new MessageDeliveryException(Kind.RETRY, "the endpoint did not answer HTTP", null);
    }
    return Integer.parseInt(parts[1]);
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing was sent on it
    }
  }
}
