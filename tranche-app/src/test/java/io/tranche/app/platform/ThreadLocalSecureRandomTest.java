package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadLocalSecureRandomTest {
  @Test
  void eachThreadDrawsFromItsOwnDrbgAndNoDrawRepeats() throws Exception {
    ThreadLocalSecureRandom random = new ThreadLocalSecureRandom();
    assertThat(random.getAlgorithm()).isEqualTo("DRBG");
    Set<String> drawn = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      threads.submit(
          () -> {
            for (int i = 0; i < 500; i++) {
              byte[] bytes = new byte[32];
              random.nextBytes(bytes);
              drawn.add(HexFormat.of().formatHex(bytes));
            }
          });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(drawn).hasSize(2000);
    // the bits are spread: about half of 256 bits set in a draw, not all zero or all one
    Set<Integer> bitCounts = new HashSet<>();
    for (String hex : drawn) {
      int bits = 0;
      for (byte b : HexFormat.of().parseHex(hex)) {
        bits += Integer.bitCount(b & 0xff);
      }
      bitCounts.add(bits);
    }
    assertThat(bitCounts).allMatch(bits -> bits > 64 && bits < 192);
  }
}
