package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tranche.core.evidence.CanonicalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of docs/formats.md, checked two ways: by an independent reading of the formats
 * written here from the document alone (JCE AES-GCM and HMAC, a few lines of protobuf, JDK
 * Ed25519), and by the vault's own code. If either disagrees, the document or the code is wrong.
 */
class FormatVectorsTest {
  private static final Path DIR = Path.of("..", "docs", "test-vectors");
  private final JsonObject vectors = read();
  private final JsonObject sealed = vectors.getAsJsonObject("sealed");
  private final JsonObject receipt = vectors.getAsJsonObject("receipt");

  private static JsonObject read() {
    try {
      return JsonParser.parseString(Files.readString(DIR.resolve("vectors.json")))
          .getAsJsonObject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] plaintext() {
    byte[] p = new byte[sealed.get("plaintextSize").getAsInt()];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (i % 251);
    }
    return p;
  }

  private byte[] keyset() {
    return Base64.getDecoder().decode(sealed.get("keysetBase64").getAsString());
  }

  private byte[] ciphertext() throws Exception {
    return Files.readAllBytes(DIR.resolve(sealed.get("ciphertextFile").getAsString()));
  }

  private static String sha256(byte[]... parts) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      sha.update(p);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void theVectorsDescribeThemselves() throws Exception {
    assertThat(sha256(plaintext())).isEqualTo(sealed.get("plaintextSha256").getAsString());
    assertThat(ciphertext()).hasSize(sealed.get("ciphertextSize").getAsInt());
    assertThat(sha256(ciphertext())).isEqualTo(sealed.get("ciphertextSha256").getAsString());
  }

  @Test
  void theKeyCommitmentIsSha256OfTheLabelAndTheKeyset() throws Exception {
    String independent =
        sha256("tranche-key-commitment-v1\0".getBytes(StandardCharsets.US_ASCII), keyset());
    assertThat(independent).isEqualTo(sealed.get("keyCommitment").getAsString());
    assertThat(DataKey.of(keyset()).commitment()).isEqualTo(independent);
  }

  @Test
  void anIndependentReadingOfTheSealedFormatOpensTheVector() throws Exception {
    byte[] opened =
        IndependentOpener.open(keyset(), sealed.get("associatedData").getAsString(), ciphertext());
    assertThat(opened).isEqualTo(plaintext());
  }

  @Test
  void theVaultOpensTheVectorAndRefusesItUnderAnotherArtifactId() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Sealing.open(
        DataKey.of(keyset()),
        sealed.get("artifactId").getAsString(),
        new ByteArrayInputStream(ciphertext()),
        out);
    assertThat(out.toByteArray()).isEqualTo(plaintext());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Sealing.open(
                    DataKey.of(keyset()),
                    "another-artifact",
                    new ByteArrayInputStream(ciphertext()),
                    new ByteArrayOutputStream()))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void theReceiptIsACompactJwsOverCanonicalJsonSignedWithEd25519() throws Exception {
    String jws = receipt.get("jws").getAsString();
    String[] parts = jws.split("\\.");
    assertThat(parts).hasSize(3);
    byte[] header = Base64.getUrlDecoder().decode(parts[0]);
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    assertThat(new String(header, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"alg\":\"EdDSA\",\"kid\":\"test-vector-key\",\"typ\":\"tranche-receipt+jws\"}");

    // the payload is canonical JSON (sorted keys, no spaces) describing the sealed vector
    JsonObject p =
        JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
    Map<String, Object> canonical = new LinkedHashMap<>();
    for (var e : p.entrySet()) {
      var v = e.getValue();
      canonical.put(
          e.getKey(),
          v.isJsonNull()
              ? null
              : v.getAsJsonPrimitive().isNumber() ? v.getAsLong() : v.getAsString());
    }
    assertThat(CanonicalJson.write(canonical))
        .isEqualTo(new String(payload, StandardCharsets.UTF_8));
    assertThat(p.get("keyCommitment").getAsString())
        .isEqualTo(sealed.get("keyCommitment").getAsString());
    assertThat(p.get("ciphertextSha256").getAsString())
        .isEqualTo(sealed.get("ciphertextSha256").getAsString());
    assertThat(p.get("plaintextSha256").getAsString())
        .isEqualTo(sealed.get("plaintextSha256").getAsString());
    assertThat(p.get("associatedData").getAsString())
        .isEqualTo(sealed.get("associatedData").getAsString());

    // independently: the JWK's raw key verifies the signature over "header.payload"
    JsonObject jwk =
        JsonParser.parseString(receipt.get("publicKeyJwk").getAsString()).getAsJsonObject();
    byte[] raw = Base64.getUrlDecoder().decode(jwk.get("x").getAsString());
    byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] der = Arrays.copyOf(spki, spki.length + 32);
    System.arraycopy(raw, 0, der, spki.length, 32);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(key);
    ed.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(ed.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    // the seed is the key's: Ed25519 is deterministic, so signing again gives the same receipt
    byte[] seed = HexFormat.of().parseHex(receipt.get("signingSeedHex").getAsString());
    assertThat(Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey()).isEqualTo(raw);
    DeliveryReceipt stated =
        Receipts.verify(jws, Receipts.parsePublicKey(receipt.get("publicKeyJwk").getAsString()));
    var privateKey =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    assertThat(Receipts.sign(stated, privateKey, "test-vector-key")).isEqualTo(jws);
  }

  /** The sealed format read from docs/formats.md alone, with the JDK's primitives. */
  static final class IndependentOpener {
    static final int SEGMENT = 1 << 20;
    static final int TAG = 16;

    static byte[] open(byte[] keyset, String associatedData, byte[] ciphertext) throws Exception {
      byte[] ikm = keyValue(keyset);
      int headerLength = ciphertext[0] & 0xff;
      assertThat(headerLength).isEqualTo(1 + 32 + 7);
      byte[] salt = Arrays.copyOfRange(ciphertext, 1, 33);
      byte[] noncePrefix = Arrays.copyOfRange(ciphertext, 33, 40);
      byte[] key = hkdfSha256(ikm, salt, associatedData.getBytes(StandardCharsets.UTF_8), 32);
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      int at = headerLength;
      for (int segment = 0; at < ciphertext.length; segment++) {
        int size =
            Math.min(segment == 0 ? SEGMENT - headerLength : SEGMENT, ciphertext.length - at);
        boolean last = at + size == ciphertext.length;
        byte[] nonce =
            ByteBuffer.allocate(12)
                .put(noncePrefix)
                .putInt(segment)
                .put((byte) (last ? 1 : 0))
                .array();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(
            Cipher.DECRYPT_MODE,
            new SecretKeySpec(key, "AES"),
            new GCMParameterSpec(TAG * 8, nonce));
        plain.write(gcm.doFinal(ciphertext, at, size));
        at += size;
      }
      return plain.toByteArray();
    }

    /** Keyset.key[0].key_data.value → AesGcmHkdfStreamingKey.key_value (protobuf). */
    static byte[] keyValue(byte[] keyset) {
      byte[] key = field(keyset, 2);
      byte[] keyData = field(key, 1);
      byte[] value = field(keyData, 2);
      byte[] params = field(value, 2);
      assertThat(varint(params, 1)).as("ciphertext_segment_size").isEqualTo(SEGMENT);
      assertThat(varint(params, 2)).as("derived_key_size").isEqualTo(32);
      assertThat(varint(params, 3)).as("hkdf_hash_type SHA256").isEqualTo(3);
      return field(value, 3);
    }

    static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) throws Exception {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(info);
      mac.update((byte) 1);
      return Arrays.copyOf(mac.doFinal(), length); // one block suffices for 32 bytes
    }

    /** The first length-delimited field {@code number} of a protobuf message. */
    static byte[] field(byte[] message, int number) {
      int[] at = {0};
      while (at[0] < message.length) {
        long tag = readVarint(message, at);
        int wire = (int) (tag & 7);
        if (wire == 2) {
          int length = (int) readVarint(message, at);
          if ((tag >>> 3) == number) {
            return Arrays.copyOfRange(message, at[0], at[0] + length);
          }
          at[0] += length;
        } else if (wire == 0) {
          readVarint(message, at);
        } else {
          throw new IllegalArgumentException("unexpected wire type " + wire);
        }
      }
      throw new IllegalArgumentException("no field " + number);
    }

    static long varint(byte[] message, int number) {
      int[] at = {0};
      while (at[0] < message.length) {
        long tag = readVarint(message, at);
        if ((tag & 7) == 0) {
          long v = readVarint(message, at);
          if ((tag >>> 3) == number) {
            return v;
          }
        } else {
          at[0] += (int) readVarint(message, at);
        }
      }
      throw new IllegalArgumentException("no field " + number);
    }

    static long readVarint(byte[] b, int[] at) {
      long result = 0;
      for (int shift = 0; ; shift += 7) {
        int x = b[at[0]++] & 0xff;
        result |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
    }
  }
}
