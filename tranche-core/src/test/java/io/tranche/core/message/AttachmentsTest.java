package io.tranche.core.message;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentsTest {

  @Test
  void keepsPlainNames() {
    assertThat(Attachments.safeName("  Angebot März.pdf ")).isEqualTo("Angebot März.pdf");
  }

  @Test
  void refusesNamesWithPathsOrControlCharacters() {
    for (String bad :
        new String[] {"../etc/passwd", "a/b.txt", "C:\\x.txt", "..", "", "a\u0000b", "x\nb"}) {
      assertCode(() -> Attachments.safeName(bad), "attachment.bad-name");
    }
    assertCode(() -> Attachments.safeName("a".repeat(256)), "attachment.bad-name");
    assertThat(Attachments.safeName("a".repeat(255))).hasSize(255);
  }

  @Test
  void refusesInvisibleAndDirectionChangingCharacters() {
    for (String bad :
        new String[] {
          "invoice\u202Efdp.exe",
          "zero\u200Bwidth.pdf",
          "next\u0085line.pdf",
          "isolate\u2067.pdf",
          "line\u2028sep.pdf",
          "para\u2029sep.pdf",
          "bom\uFEFF.pdf",
          "lone\uD800.pdf",
          "lone\uDC00.pdf",
          "nul\u0000.pdf"
        }) {
      assertCode(() -> Attachments.safeName(bad), "attachment.bad-name");
      assertThat(Attachments.nameProblem(bad)).as(bad).isPresent();
    }
  }

  @Test
  void acceptsLettersBeyondTheBasicPlane() {
    assertThat(Attachments.safeName("rapport \uD83D\uDCC4 été.pdf"))
        .isEqualTo("rapport \uD83D\uDCC4 été.pdf");
  }

  @Test
  void sniffsTheTypeFromTheBytes() {
    assertThat(Attachments.sniff("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("application/pdf");
    assertThat(Attachments.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
        .isEqualTo("image/png");
    assertThat(Attachments.sniff("héllo wörld".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
    assertThat(Attachments.sniff(new byte[] {1, 0, 2, 3})).isEqualTo("application/octet-stream");
    assertThat(Attachments.sniff("<html><script>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
  }
}
