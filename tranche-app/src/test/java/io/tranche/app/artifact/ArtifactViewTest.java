package io.tranche.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArtifactViewTest {
  @Test
  void sizesReadAsPeopleSayThem() {
    assertThat(ArtifactView.label(0)).isEqualTo("0 bytes");
    assertThat(ArtifactView.label(1023)).isEqualTo("1023 bytes");
    assertThat(ArtifactView.label(1024)).isEqualTo("1.0 KiB");
    assertThat(ArtifactView.label(50L * 1024 * 1024)).isEqualTo("50.0 MiB");
    assertThat(ArtifactView.label(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GiB");
  }
}
