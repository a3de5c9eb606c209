package dev.stepup.server.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without sticky sessions: each request goes to the next node in turn, copied as it
 * came (method, path and query, headers, body) and answered as the node answered (status, headers
 * such as Set-Cookie and Location, body), never following redirects. A node that refuses
 * connections leaves the rotation. Each answer names the node that served it in {@code
 * X-Cluster-Node}.
 */
final class RoundRobinProxy implements AutoCloseable {

  static final String SERVED_BY = "X-Cluster-Node";

  /** Headers the client sets itself, or that belong to one hop only. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "proxy-connection",
          "date");

  private final List<Node> nodes;
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final AtomicInteger next = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(64);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(2))
          .executor(Executors.newFixedThreadPool(16))
          .build();

  RoundRobinProxy(int port, List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String base() {
    return "http://localhost:" + port();
  }

  /** The nodes still in the rotation. */
  List<String> inRotation() {
    return nodes.stream().map(Node::name).filter(n -> !down.contains(n)).toList();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      for (int tries = 0; tries < nodes.size(); tries++) {
        Node node = nextNode();
        if (node == null) {
          break;
        }
        try {
          HttpResponse<byte[]> answer = http.send(request(exchange, node, body), bytes());
          reply(exchange, node, answer);
          return;
        } catch (IOException failed) {
          if (!refusesConnections(node)) {
            exchange.sendResponseHeaders(502, -1);
            return;
          }
          down.add(node.name()); // dead: drop it and give the request to the next node
        }
      }
      exchange.sendResponseHeaders(503, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Node nextNode() {
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
      if (!down.contains(node.name())) {
        return node;
      }
    }
    return null;
  }

  private static HttpRequest request(HttpExchange exchange, Node node, byte[] body) {
    URI uri = URI.create(node.base() + exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    return request.build();
  }

  private static void reply(HttpExchange exchange, Node node, HttpResponse<byte[]> answer)
      throws IOException {
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    exchange.getResponseHeaders().set(SERVED_BY, node.name());
    byte[] body = answer.body();
    boolean empty =
        body.length == 0
            || answer.statusCode() == 204
            || answer.statusCode() == 304
            || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static HttpResponse.BodyHandler<byte[]> bytes() {
    return HttpResponse.BodyHandlers.ofByteArray();
  }

  /** Whether a fresh connection to the node is refused (the node is gone, not just slow). */
  private static boolean refusesConnections(Node node) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("localhost", node.port()), 1000);
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
