package io.tranche.app.artifact.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Single byte ranges as RFC 9110 §14.1.2 reads them, against a 1000-byte file. */
class DownloadRangeTest {
  private static long[] bounds(String first, String last) {
    return DownloadController.bounds(first, last, 1000);
  }

  @Test
  void readsFirstLastAndOpenEndedRanges() {
    assertThat(bounds("0", "0")).containsExactly(0, 0);
    assertThat(bounds("0", "999")).containsExactly(0, 999);
    assertThat(bounds("500", "")).containsExactly(500, 999);
    assertThat(bounds("990", "5000"))
        .as("the end is clipped to the file")
        .containsExactly(990, 999);
  }

  @Test
  void readsSuffixRanges() {
    assertThat(bounds("", "100")).containsExactly(900, 999);
    assertThat(bounds("", "5000")).as("more than the file: all of it").containsExactly(0, 999);
  }

  @Test
  void refusesWhatCannotBeSatisfied() {
    assertThat(bounds("1000", "")).isNull();
    assertThat(bounds("10", "5")).isNull();
    assertThat(bounds("", "0")).isNull();
    assertThat(bounds("", "")).isNull();
    assertThat(bounds("99999999999999999999", "")).isNull();
    assertThat(DownloadController.bounds("0", "", 0)).as("nothing in an empty file").isNull();
  }
}
