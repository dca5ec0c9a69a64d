package io.tranche.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vectors of docs/formats.md (docs/test-vectors/licenses.json) hold for this code. */
class LicenseVectorsTest {

  @Test
  void everyCaseGetsItsVerdict() throws Exception {
    Map<String, Object> v = Json.object(Files.readString(LicenseVectors.FILE));
    List<?> cases = (List<?>) v.get("cases");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(9);
    for (Object o : cases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) o;
      String jwk = (String) c.getOrDefault("publicKeyJwk", v.get("publicKeyJwk"));
      Verdict verdict =
          LicenseVerifier.verify(
              (String) c.get("token"),
              LicenseVerifier.publicKey(jwk),
              Clock.fixed(Instant.parse((String) c.get("now")), ZoneOffset.UTC),
              (String) c.get("product"),
              new HashSet<>(
                  ((List<?>) c.get("revoked")).stream().map(String.class::cast).toList()));
      String name = (String) c.get("name");
      if ("VALID".equals(c.get("verdict"))) {
        assertThat(verdict).as(name).isInstanceOf(Verdict.Valid.class);
        assertThat(((Verdict.Valid) verdict).inGrace()).as(name).isEqualTo(c.get("inGrace"));
      } else {
        assertThat(verdict).as(name).isInstanceOf(Verdict.Refused.class);
        assertThat(((Verdict.Refused) verdict).reason().name())
            .as(name)
            .isEqualTo(c.get("verdict"));
      }
    }
  }

  @Test
  void signingTheLicencesWithTheSeedReproducesTheVectorsExactly() throws Exception {
    Map<String, Object> file = Json.object(Files.readString(LicenseVectors.FILE));
    Map<String, Object> fresh = Json.object(Json.write(LicenseVectors.vectors()));
    assertThat(Json.write(file)).isEqualTo(Json.write(fresh));
    assertThat(file.get("keyId"))
        .isEqualTo(
            LicenseVerifier.fingerprint(
                LicenseVerifier.publicKey((String) file.get("publicKeyJwk"))));
  }
}
