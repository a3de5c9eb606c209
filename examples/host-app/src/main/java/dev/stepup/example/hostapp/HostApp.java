package dev.stepup.example.hostapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.stepup.client.StepUpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An example host application on its own origin: a page with a tiny wallet whose "Export key" and
 * "Send" buttons call this app's backend through the step-up browser SDK, and that backend, which
 * protects both actions with the step-up Java client. Start it next to the step-up server:
 *
 * <pre>STEPUP_API_KEY=sk_demo_… java -jar examples/host-app/target/host-app.jar</pre>
 */
public final class HostApp implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HostApp.class.getName());

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(8);
  private final String page;
  private final byte[] script;

  private HostApp(HostAppConfig config) throws IOException {
    StepUpClient stepUp =
        StepUpClient.builder()
            .baseUrl(config.stepUpUrl())
            .issuer(config.issuer())
            .environment(config.environment())
            .apiKey(config.apiKey())
            .build();
    DemoSignIn signIn = new DemoSignIn(stepUp, config.environment());
    ProtectedActions actions = new ProtectedActions(stepUp, signIn);
    this.page =
        resource("index.html")
            .replace("{{sdkUrl}}", Http.html(config.sdkUrl()))
            .replace("{{stepUpUrl}}", Http.html(config.stepUpUrl()))
            .replace("{{environment}}", Http.html(config.environment()));
    this.script = resource("app.js").getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(new InetSocketAddress("localhost", config.port()), 0);
    server.setExecutor(workers);
    server.createContext("/", get(this::page));
    server.createContext(
        "/app.js", get(e -> Http.send(e, 200, "text/javascript; charset=utf-8", script)));
    server.createContext("/api/sign-in", post(signIn::signIn));
    server.createContext("/api/export", post(actions::export));
    server.createContext("/api/send", post(actions::send));
  }

  /** Starts the app; port 0 in the config picks a free one. */
  public static HostApp start(HostAppConfig config) throws IOException {
    HostApp app = new HostApp(config);
    app.server.start();
    LOG.info("host app at " + app.origin() + ", step-up server " + config.stepUpUrl());
    return app;
  }

  public static void main(String[] args) throws IOException {
    HostAppConfig config;
    try {
      config = HostAppConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    HostApp app = start(config);
    System.out.println(
        "Example host app: "
            + app.origin()
            + "  (step-up server "
            + config.stepUpUrl()
            + ", environment "
            + config.environment()
            + ")");
    System.out.println(
        "Its origin must be listed in \"Allowed browser origins\" on "
            + config.stepUpUrl()
            + "/admin/environments/"
            + config.environment()
            + " (the console).");
  }

  /** This app's origin, e.g. {@code http://localhost:8081}. */
  public String origin() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void page(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/")) {
      Http.json(exchange, 404, Map.of("code", "not_found", "detail", "No such page."));
      return;
    }
    Http.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static HttpHandler get(Handler handler) {
    return only("GET", handler);
  }

  private static HttpHandler post(Handler handler) {
    return only("POST", handler);
  }

  private static HttpHandler only(String method, Handler handler) {
    return exchange -> {
      try (exchange) {
        if (!exchange.getRequestMethod().equals(method)) {
          exchange.getResponseHeaders().set("Allow", method);
          Http.json(exchange, 405, Map.of("code", "method_not_allowed", "detail", method));
          return;
        }
        handler.handle(exchange);
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.WARNING, "request failed: " + e.getClass().getSimpleName());
        throw e;
      }
    };
  }

  private static String resource(String name) {
    try (InputStream in = HostApp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
