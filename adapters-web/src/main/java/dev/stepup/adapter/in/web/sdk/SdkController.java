package dev.stepup.adapter.in.web.sdk;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser SDK: an ES module and its TypeScript declarations at a versioned path, public and
 * cacheable. Served here rather than as static files so the content types are exact (a {@code .ts}
 * file is otherwise MPEG video) and a page on any origin may import the module, which browsers
 * fetch in CORS mode.
 */
@RestController
@Hidden
class SdkController {

  static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
  static final MediaType TYPESCRIPT =
      MediaType.parseMediaType("application/typescript;charset=UTF-8");

  /**
   * A day, then a cheap revalidation by ETag: long enough to spare every page load, short enough
   * that a fix within v1 reaches every browser by the next day.
   */
  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofDays(1))
          .cachePublic()
          .staleWhileRevalidate(Duration.ofDays(1));

  private final Asset module = Asset.load("sdk/v1/stepup.js");
  private final Asset types = Asset.load("sdk/v1/stepup.d.ts");

  @GetMapping("/sdk/v1/stepup.js")
  ResponseEntity<byte[]> module(
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return serve(module, JAVASCRIPT, ifNoneMatch);
  }

  @GetMapping("/sdk/v1/stepup.d.ts")
  ResponseEntity<byte[]> types(
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return serve(types, TYPESCRIPT, ifNoneMatch);
  }

  private static ResponseEntity<byte[]> serve(Asset asset, MediaType type, String ifNoneMatch) {
    boolean unchanged = ifNoneMatch != null && ifNoneMatch.contains(asset.etag());
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
            .cacheControl(CACHE)
            .eTag(asset.etag())
            // Public code, no credentials: any page may load it.
            .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    return unchanged ? response.build() : response.contentType(type).body(asset.bytes());
  }

  /** A classpath file read once, with its content hash as ETag. */
  record Asset(byte[] bytes, String etag) {
    static Asset load(String path) {
      try (InputStream in = SdkController.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("missing " + path);
        }
        byte[] bytes = in.readAllBytes();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
        return new Asset(bytes, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
