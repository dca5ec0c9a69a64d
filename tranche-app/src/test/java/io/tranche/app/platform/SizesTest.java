package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void sizesReadAsPeopleSayThem() {
    assertThat(Sizes.label(0)).isEqualTo("0 bytes");
    assertThat(Sizes.label(1023)).isEqualTo("1023 bytes");
    assertThat(Sizes.label(1024)).isEqualTo("1.0 KiB");
    assertThat(Sizes.label(50L * 1024 * 1024)).isEqualTo("50.0 MiB");
    assertThat(Sizes.label(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GiB");
  }
}
