package io.tranche.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tranche.core.FuzzText;
import io.tranche.core.error.DomainException;
import java.text.Normalizer;
import java.util.Set;

/**
 * Fuzzes the one rule for user-supplied file names ({@link Attachments#safeName}) and the content
 * sniffing of uploads. Corpus:
 * src/test/resources/io/tranche/core/message/AttachmentsFuzzTestInputs/.
 */
class AttachmentsFuzzTest {
  private static final Set<String> SNIFFED =
      Set.of(
          "application/pdf",
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "application/zip",
          "text/plain",
          "application/octet-stream");

  @FuzzTest
  void safeNameRefusesOrKeepsAPlainIdempotentName(byte[] input) {
    String raw = input.length == 0 ? null : FuzzText.decode(input);
    String name;
    try {
      name = Attachments.safeName(raw);
    } catch (DomainException e) {
      assertThat(e.code()).isEqualTo(Attachments.BAD_NAME);
      assertThat(Attachments.nameProblem(Attachments.normalName(raw))).isPresent();
      return;
    }
    assertThat(name.length()).isBetween(1, Attachments.NAME_MAX);
    assertThat(name).doesNotContain("/", "\\", ":").isNotEqualTo(".").doesNotStartWith("..");
    assertThat(name).isEqualTo(name.strip());
    assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    name.codePoints()
        .forEach(
            c ->
                assertThat(Character.getType(c))
                    .as("U+%04X in an accepted name", c)
                    .isNotIn(
                        (int) Character.CONTROL,
                        (int) Character.FORMAT,
                        (int) Character.LINE_SEPARATOR,
                        (int) Character.PARAGRAPH_SEPARATOR,
                        (int) Character.SURROGATE));
    assertThat(Attachments.safeName(name)).isEqualTo(name);
    assertThat(Attachments.nameProblem(name)).isEmpty();
  }

  @FuzzTest
  void sniffNamesOneOfItsTypes(byte[] head) {
    assertThat(Attachments.sniff(head)).isIn(SNIFFED);
  }
}
