package dev.stepup.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The least a Java HTTP server can do: the JDK's own server answering every request with the same
 * small JSON body, nothing else. Loaded with wrk beside it, it shows the latency tail the machine
 * itself gives at a number of connections ({@code docs/perf/check-tail.md}). Arguments: port,
 * worker threads. Run with {@code -Dsun.net.httpserver.nodelay=true}, else Nagle's algorithm adds
 * 40 ms to every answer.
 */
public final class BareServer {

  private BareServer() {}

  public static void main(String[] args) throws IOException {
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(args[1])));
    server.start();
  }
}
