package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptsTest {
  static final KeyPair PAIR = generate();

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static DeliveryReceipt receipt(String artifactId) {
    return new DeliveryReceipt(
        "11111111-1111-1111-1111-111111111111",
        "22222222-2222-2222-2222-222222222222",
        "33333333-3333-3333-3333-333333333333",
        artifactId,
        "build-1.0.zip",
        "application/zip",
        52_428_800L,
        "a".repeat(64),
        52_480_040L,
        "b".repeat(64),
        "c".repeat(64),
        "d".repeat(64),
        "2026-11-26T10:00:00Z");
  }

  @Test
  void aSignedReceiptVerifiesHereAndWithAnIndependentJoseLibrary() throws Exception {
    DeliveryReceipt receipt = receipt("44444444-4444-4444-4444-444444444444");
    String jws = Receipts.sign(receipt, PAIR.getPrivate(), "kid-1");

    assertThat(Receipts.verify(jws, PAIR.getPublic())).isEqualTo(receipt);

    OctetKeyPair jwk = OctetKeyPair.parse(Receipts.toJwk(PAIR.getPublic()));
    JWSObject parsed = JWSObject.parse(jws);
    assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
    assertThat(parsed.getHeader().getKeyID()).isEqualTo("kid-1");
    assertThat(parsed.verify(new Ed25519Verifier(jwk))).isTrue();
    Map<String, Object> payload = parsed.getPayload().toJSONObject();
    assertThat(payload)
        .containsEntry("type", "tranche.delivery-receipt.v1")
        .containsEntry("artifactName", "build-1.0.zip")
        .containsEntry("associatedData", "tranche-artifact-v1:44444444-4444-4444-4444-444444444444")
        .containsEntry("contractSha256", "d".repeat(64));
    assertThat(((Number) payload.get("plaintextSize")).longValue()).isEqualTo(52_428_800L);
  }

  @Test
  void aChangedPayloadOrAnotherKeyIsRefusedAsABadSignature() {
    String jws = Receipts.sign(receipt("a1"), PAIR.getPrivate(), "kid-1");
    String[] parts = jws.split("\\.");
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("build-1.0.zip", "build-6.6.zip")
                    .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(
            () ->
                Receipts.verify(parts[0] + "." + forgedPayload + "." + parts[2], PAIR.getPublic()))
        .isInstanceOf(VaultException.class)
        .extracting(e -> ((VaultException) e).code())
        .isEqualTo("receipt.bad-signature");
    assertThatThrownBy(() -> Receipts.verify(jws, generate().getPublic()))
        .extracting(e -> ((VaultException) e).code())
        .isEqualTo("receipt.bad-signature");
  }

  @Test
  void malformedReceiptsAndOtherAlgorithmsAreRefusedByName() {
    assertThatThrownBy(() -> Receipts.verify("only.two", PAIR.getPublic()))
        .extracting(e -> ((VaultException) e).code())
        .isEqualTo("receipt.malformed");
    String none =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
    String jws = Receipts.sign(receipt("a1"), PAIR.getPrivate(), "kid-1");
    String noneJws = none + jws.substring(jws.indexOf('.'));
    assertThatThrownBy(() -> Receipts.verify(noneJws, PAIR.getPublic()))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("none")
        .extracting(e -> ((VaultException) e).code())
        .isEqualTo("receipt.algorithm");
  }

  @Test
  void publicKeysAreReadFromJwkPemDerAndRawBase64() {
    byte[] der = PAIR.getPublic().getEncoded();
    String b64 = Base64.getEncoder().encodeToString(der);
    String pem = "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    String raw =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(java.util.Arrays.copyOfRange(der, der.length - 32, der.length));
    for (String text : new String[] {Receipts.toJwk(PAIR.getPublic()), pem, b64, raw}) {
      assertThat(Receipts.parsePublicKey(text).getEncoded()).isEqualTo(der);
    }
    assertThatThrownBy(() -> Receipts.parsePublicKey("not a key!"))
        .extracting(e -> ((VaultException) e).code())
        .isEqualTo("receipt.key");
  }

  @Test
  void aSizeThatIsNoWholeNumberOfBytesIsRefusedAsMalformed() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    for (String size :
        new String[] {"1e100000", "1e999999999", "1.5", "-1", "9223372036854775808"}) {
      String payload =
          "{\"type\":\"tranche.delivery-receipt.v1\","
              + "\"sealing\":\"tink-streaming-aead/AES256_GCM_HKDF_1MB\","
              + "\"workspaceId\":\"w\",\"projectId\":\"p\",\"milestoneId\":\"m\","
              + "\"artifactId\":\"a\",\"artifactName\":\"n\",\"mediaType\":\"t\","
              + "\"plaintextSize\":"
              + size
              + "}";
      String jws =
          b64.encodeToString("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8))
              + "."
              + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
              + "."
              + b64.encodeToString(new byte[64]);
      assertThatThrownBy(() -> Receipts.readUnverified(jws))
          .as(size)
          .isInstanceOf(VaultException.class)
          .extracting(e -> ((VaultException) e).code())
          .isEqualTo("receipt.malformed");
    }
  }
}
