package dev.stepup.server.webauthn;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebAuthn authenticator written in test code: one ES256 (P-256) key, "none" attestation, user
 * presence and verification always given. It answers the {@code publicKey} options the server hands
 * a browser with the JSON a browser's {@code PublicKeyCredential.toJSON()} would send: a real CBOR
 * attestation object whose authenticator data carries the credential id and a COSE EC2 key, and
 * assertions signed over authenticator data and the client data hash.
 */
public final class SoftwareAuthenticator {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64URL_IN = Base64.getUrlDecoder();
  private static final int UP = 0x01;
  private static final int UV = 0x04;
  private static final int AT = 0x40;

  private final KeyPair key;
  private final byte[] credentialId;
  private final String origin;
  private byte[] userHandle = new byte[0];
  private long counter;

  /**
   * @param origin the page origin the "browser" runs on, e.g. {@code http://localhost:8080}
   */
  public SoftwareAuthenticator(String origin) {
    this.origin = origin;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      this.key = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.credentialId = new byte[32];
    new SecureRandom().nextBytes(credentialId);
  }

  /** The credential id, base64url as the server stores it. */
  public String credentialId() {
    return B64URL.encodeToString(credentialId);
  }

  /** Makes the credential for creation options; the same key every time (re-registration). */
  public String create(JsonNode publicKey) {
    String rpId = publicKey.get("rp").get("id").asString();
    userHandle = B64URL_IN.decode(publicKey.get("user").get("id").asString());
    byte[] clientData = clientData("webauthn.create", publicKey.get("challenge").asString());
    ByteArrayOutputStream authData = new ByteArrayOutputStream();
    authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
    authData.write(UP | UV | AT);
    authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
    authData.writeBytes(new byte[16]); // AAGUID: none
    authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
    authData.writeBytes(credentialId);
    authData.writeBytes(coseKey());
    Map<Object, Object> attestation = new LinkedHashMap<>();
    attestation.put("fmt", "none");
    attestation.put("attStmt", Map.of());
    attestation.put("authData", authData.toByteArray());
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("clientDataJSON", B64URL.encodeToString(clientData));
    response.put("attestationObject", B64URL.encodeToString(Cbor.encode(attestation)));
    response.put("transports", new String[] {"internal"});
    return credential(response);
  }

  /** Signs an assertion for request options, counting up like a real authenticator. */
  public String get(JsonNode publicKey) {
    return get(publicKey, counter + 1);
  }

  /** Signs an assertion reporting {@code reportedCounter} (a cloned key reports an old one). */
  public String get(JsonNode publicKey, long reportedCounter) {
    counter = Math.max(counter, reportedCounter);
    String rpId = publicKey.get("rpId").asString();
    byte[] clientData = clientData("webauthn.get", publicKey.get("challenge").asString());
    ByteArrayOutputStream authData = new ByteArrayOutputStream();
    authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
    authData.write(UP | UV);
    authData.writeBytes(ByteBuffer.allocate(4).putInt((int) reportedCounter).array());
    byte[] signed;
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(key.getPrivate());
      ecdsa.update(authData.toByteArray());
      ecdsa.update(sha256(clientData));
      signed = ecdsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("clientDataJSON", B64URL.encodeToString(clientData));
    response.put("authenticatorData", B64URL.encodeToString(authData.toByteArray()));
    response.put("signature", B64URL.encodeToString(signed));
    response.put("userHandle", B64URL.encodeToString(userHandle));
    return credential(response);
  }

  private String credential(Map<String, Object> response) {
    Map<String, Object> credential = new LinkedHashMap<>();
    credential.put("id", credentialId());
    credential.put("rawId", credentialId());
    credential.put("type", "public-key");
    credential.put("authenticatorAttachment", "platform");
    credential.put("response", response);
    credential.put("clientExtensionResults", Map.of());
    return JSON.writeValueAsString(credential);
  }

  private byte[] clientData(String type, String challenge) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("challenge", challenge);
    data.put("origin", origin);
    data.put("crossOrigin", false);
    return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
  }

  /** The public key as a COSE_Key: EC2 (1: 2), ES256 (3: -7), P-256 (-1: 1), x (-2), y (-3). */
  private byte[] coseKey() {
    ECPublicKey pub = (ECPublicKey) key.getPublic();
    Map<Object, Object> cose = new LinkedHashMap<>();
    cose.put(1, 2);
    cose.put(3, -7);
    cose.put(-1, 1);
    cose.put(-2, unsigned32(pub.getW().getAffineX()));
    cose.put(-3, unsigned32(pub.getW().getAffineY()));
    return Cbor.encode(cose);
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The few CBOR (RFC 8949) items WebAuthn needs: integers, byte and text strings, maps. */
  static final class Cbor {
    private Cbor() {}

    static byte[] encode(Object item) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      write(out, item);
      return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object item) {
      if (item instanceof Integer i) {
        if (i >= 0) {
          head(out, 0, i);
        } else {
          head(out, 1, -1L - i);
        }
      } else if (item instanceof byte[] bytes) {
        head(out, 2, bytes.length);
        out.writeBytes(bytes);
      } else if (item instanceof String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        head(out, 3, utf8.length);
        out.writeBytes(utf8);
      } else if (item instanceof Map<?, ?> map) {
        head(out, 5, map.size());
        map.forEach(
            (k, v) -> {
              write(out, k);
              write(out, v);
            });
      } else {
        throw new IllegalArgumentException("no CBOR for " + item);
      }
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
      int type = major << 5;
      if (value < 24) {
        out.write(type | (int) value);
      } else if (value < 0x100) {
        out.write(type | 24);
        out.write((int) value);
      } else if (value < 0x10000) {
        out.write(type | 25);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
      } else {
        out.write(type | 26);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
      }
    }
  }
}
