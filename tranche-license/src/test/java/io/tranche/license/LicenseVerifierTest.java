package io.tranche.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicenseVerifierTest {
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  private static final PublicKey KEY = Keys.publicKey(Keys.PUBLIC_1);

  private static License license(String edition, Duration grace) {
    return new License(
        "lic-1",
        "Nordlicht GmbH",
        "nordlicht-shop",
        edition,
        List.of("export"),
        START,
        START.plus(Duration.ofDays(14)),
        grace,
        3,
        LicenseVerifier.fingerprint(KEY));
  }

  private static String token(License l) throws Exception {
    return LicenseTokens.sign(l, Keys.privateKey(Keys.SEED_1));
  }

  private static Clock at(Instant when) {
    return Clock.fixed(when, ZoneOffset.UTC);
  }

  private static Verdict.Reason reason(Verdict v) {
    return v instanceof Verdict.Refused r ? r.reason() : null;
  }

  @Test
  void aLicenceSignedByTheKeyIsValidAndReadsBackAsIssued() throws Exception {
    License issued = license(License.PREVIEW, Duration.ZERO);
    Verdict v = LicenseVerifier.verify(token(issued), KEY, at(START.plusSeconds(60)));
    assertThat(v).isEqualTo(new Verdict.Valid(issued, false));
    assertThat(((Verdict.Valid) v).license().has("export")).isTrue();
    assertThat(((Verdict.Valid) v).license().full()).isFalse();
  }

  @Test
  void eachWayALicenceFailsHasItsReason() throws Exception {
    License issued = license(License.FULL, Duration.ofDays(3));
    String token = token(issued);
    Clock now = at(START.plusSeconds(60));

    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String longer =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                payload
                    .replace("\"machines\":3", "\"machines\":300")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(reason(LicenseVerifier.verify(parts[0] + "." + longer + "." + parts[2], KEY, now)))
        .as("tampered")
        .isEqualTo(Verdict.Reason.BAD_SIGNATURE);
    assertThat(reason(LicenseVerifier.verify(token, Keys.publicKey(Keys.PUBLIC_2), now)))
        .as("another vendor's key")
        .isEqualTo(Verdict.Reason.WRONG_KEY);
    assertThat(reason(LicenseVerifier.verify(token, KEY, at(START.minusSeconds(1)))))
        .isEqualTo(Verdict.Reason.NOT_YET_VALID);
    assertThat(LicenseVerifier.verify(token, KEY, at(issued.expiresAt().plusSeconds(10))))
        .as("in the grace period: valid, with a warning")
        .isEqualTo(new Verdict.Valid(issued, true));
    assertThat(
            reason(
                LicenseVerifier.verify(
                    token, KEY, at(issued.expiresAt().plus(Duration.ofDays(3))))))
        .isEqualTo(Verdict.Reason.EXPIRED);
    assertThat(reason(LicenseVerifier.verify(token, KEY, now, "another-tool", Set.of())))
        .isEqualTo(Verdict.Reason.WRONG_PRODUCT);
    assertThat(reason(LicenseVerifier.verify(token, KEY, now, "nordlicht-shop", Set.of("lic-1"))))
        .isEqualTo(Verdict.Reason.REVOKED);
    assertThat(reason(LicenseVerifier.verify("not.a-licence", KEY, now)))
        .isEqualTo(Verdict.Reason.MALFORMED);
    assertThat(reason(LicenseVerifier.verify(parts[0] + ".e30." + parts[2], KEY, now)))
        .as("an empty payload")
        .isEqualTo(Verdict.Reason.MALFORMED);
  }

  @Test
  void aKeySignedByAnotherKeyWithTheRightKeyIdIsABadSignature() throws Exception {
    License claimed = license(License.FULL, Duration.ZERO);
    String forged = LicenseTokens.sign(claimed, Keys.privateKey(Keys.SEED_2));
    assertThat(reason(LicenseVerifier.verify(forged, KEY, at(START.plusSeconds(5)))))
        .isEqualTo(Verdict.Reason.BAD_SIGNATURE);
  }

  @Test
  void otherAlgorithmsAreRefused() throws Exception {
    String token = token(license(License.FULL, Duration.ZERO));
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(
            reason(
                LicenseVerifier.verify(
                    none + token.substring(token.indexOf('.')), KEY, at(START.plusSeconds(5)))))
        .isEqualTo(Verdict.Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void theKeyIsReadAsJwkPemOrBase64() {
    String x =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(java.util.HexFormat.of().parseHex(Keys.PUBLIC_1));
    PublicKey jwk =
        LicenseVerifier.publicKey("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}");
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getEncoder().encodeToString(KEY.getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertThat(LicenseVerifier.fingerprint(jwk)).isEqualTo(LicenseVerifier.fingerprint(KEY));
    assertThat(LicenseVerifier.fingerprint(LicenseVerifier.publicKey(pem)))
        .isEqualTo(LicenseVerifier.fingerprint(KEY));
    assertThatThrownBy(() -> LicenseVerifier.publicKey("AAAA"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
