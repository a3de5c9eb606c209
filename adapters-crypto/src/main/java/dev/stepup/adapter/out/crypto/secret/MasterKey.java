package dev.stepup.adapter.out.crypto.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The server's master secret (32 bytes), from configuration or, for the embedded default, a file in
 * the data directory generated on first start. Purpose-specific keys are derived from it with HKDF,
 * so one secret never serves two purposes.
 */
public final class MasterKey {

  public static final String FILE_NAME = "master.key";
  private static final int LENGTH = 32;

  private final byte[] key;

  private MasterKey(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("the master key must be " + LENGTH + " bytes");
    }
    this.key = key.clone();
  }

  /** The configured key (base64 of 32 bytes), else the key file in {@code dataDir}. */
  public static MasterKey load(String configuredBase64, Path dataDir) {
    if (configuredBase64 != null && !configuredBase64.isBlank()) {
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(configuredBase64.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("stepup.master-key is not valid base64", e);
      }
      return new MasterKey(decoded);
    }
    return fromFile(dataDir.resolve(FILE_NAME));
  }

  /** Reads the key file, creating it (owner read/write only) when it does not exist. */
  public static MasterKey fromFile(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        byte[] fresh = new byte[LENGTH];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.write(
              file, Base64.getEncoder().encode(fresh), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
          // Another process created it first; use theirs.
        } catch (UnsupportedOperationException noPosix) {
          Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.CREATE_NEW);
        }
      }
      String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return new MasterKey(Base64.getDecoder().decode(content));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  /** Reads a key file the operator provides; it is never created. */
  public static MasterKey readFile(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return new MasterKey(Base64.getDecoder().decode(content));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the master key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the master key file " + file + " is not base64", e);
    }
  }

  /** A 32-byte key for one purpose, e.g. {@code "secret-cipher"}. */
  public byte[] derive(String purpose) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(key, null, purpose.getBytes(StandardCharsets.UTF_8)));
    byte[] out = new byte[LENGTH];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  @Override
  public String toString() {
    return "MasterKey[hidden]";
  }
}
