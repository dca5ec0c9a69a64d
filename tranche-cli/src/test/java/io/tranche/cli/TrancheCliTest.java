package io.tranche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrancheCliTest {

  @Test
  void printsItsVersionAndSucceeds() {
    var out = capture(() -> assertThat(TrancheCli.execute("--version")).isZero());
    assertThat(out).startsWith("tranche-cli ");
  }

  @Test
  void printsUsageWithoutACommand() {
    var out = capture(() -> assertThat(TrancheCli.execute()).isZero());
    assertThat(out).contains("Usage: tranche-cli").contains("license").contains("verify licences");
  }

  @Test
  void refusesAnUnknownCommandWithExitCodeTwo() {
    PrintStream err = System.err;
    try {
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(TrancheCli.execute("no-such-command")).isEqualTo(2);
    } finally {
      System.setErr(err);
    }
  }

  private static String capture(Runnable action) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      action.run();
    } finally {
      System.setOut(out);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
