package io.tranche.app.modification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModificationAttentionTest {
  @Test
  void aRequestQuotedInASentenceLosesItsOwnFullStopAndLongOnesAreCut() {
    assertThat(ModificationAttention.abbreviate("The menu breaks on phones. "))
        .isEqualTo("The menu breaks on phones");
    assertThat(ModificationAttention.abbreviate("Why is the logo blurry?!"))
        .isEqualTo("Why is the logo blurry");
    assertThat(ModificationAttention.abbreviate("x".repeat(100))).hasSize(80).endsWith("…");
  }
}
