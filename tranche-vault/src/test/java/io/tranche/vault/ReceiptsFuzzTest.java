package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * Fuzzes what a client's machine reads from the outside: delivery receipts (compact JWS) and the
 * vendor's public key (JWK, PEM, DER or raw). Whatever the input, the vault refuses it with its own
 * {@link VaultException} or reads it; nothing verifies unless the vendor's key really signed it.
 * The signed receipt and key are the test vector of docs/formats.md. Corpus:
 * src/test/resources/io/tranche/vault/ReceiptsFuzzTestInputs/.
 */
class ReceiptsFuzzTest {
  private static final Set<String> CODES =
      Set.of("receipt.malformed", "receipt.algorithm", "receipt.bad-signature", "receipt.key");
  private static final JsonObject VECTOR = vector();
  private static final String JWS = VECTOR.get("jws").getAsString();
  private static final String[] PARTS = JWS.split("\\.");
  private static final PublicKey VENDOR =
      Receipts.parsePublicKey(VECTOR.get("publicKeyJwk").getAsString());

  private static JsonObject vector() {
    try {
      return JsonParser.parseString(
              Files.readString(Path.of("..", "docs", "test-vectors", "vectors.json")))
          .getAsJsonObject()
          .getAsJsonObject("receipt");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole receipt from the fuzzer. */
  @FuzzTest
  void verifyAcceptsOnlyWhatTheVendorSigned(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
  }

  /**
   * The fuzzer's bytes as the payload, between the vector's header and signature, so that it
   * reaches the JSON and the receipt's members without having to learn base64url first.
   */
  @FuzzTest
  void payloadsAreReadOrRefusedWithAVaultCode(byte[] payload) {
    check(
        PARTS[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
            + "."
            + PARTS[2]);
  }

  @FuzzTest
  void parsePublicKeyReadsAnEd25519KeyOrRefuses(byte[] input) {
    PublicKey key;
    try {
      key = Receipts.parsePublicKey(new String(input, StandardCharsets.UTF_8));
    } catch (VaultException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    assertThat(key.getAlgorithm()).isIn("EdDSA", "Ed25519");
    String jwk = Receipts.toJwk(key);
    assertThat(Receipts.parsePublicKey(jwk)).isEqualTo(key);
    assertThat(Receipts.fingerprint(key)).hasSize(79);
    boolean verifies;
    try {
      Receipts.verify(JWS, key);
      verifies = true;
    } catch (VaultException e) {
      assertThat(e.code()).isIn(CODES);
      verifies = false;
    }
    assertThat(verifies)
        .as("the vector verifies with %s", jwk)
        .isEqualTo(jwk.equals(Receipts.toJwk(VENDOR)));
  }

  private static void check(String jws) {
    try {
      Receipts.readUnverified(jws);
    } catch (VaultException e) {
      assertThat(e.code()).isIn(CODES);
    }
    DeliveryReceipt receipt;
    try {
      receipt = Receipts.verify(jws, VENDOR);
    } catch (VaultException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    // the fuzzer cannot sign: only the vector's own header and payload verify
    String[] parts = jws.strip().split("\\.", -1);
    assertThat(Arrays.copyOf(parts, 2)).containsExactly(PARTS[0], PARTS[1]);
    assertThat(receipt).isEqualTo(Receipts.readUnverified(JWS));
  }
}
