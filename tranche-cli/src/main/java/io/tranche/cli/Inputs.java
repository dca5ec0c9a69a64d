package io.tranche.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Arguments that are either a file's path or the value itself (a key pasted on the line). */
final class Inputs {
  private Inputs() {}

  /** The file's text if {@code arg} names a readable file, else {@code arg} itself. */
  static String fileOrValue(String arg) throws IOException {
    Path path;
    try {
      path = Path.of(arg);
    } catch (RuntimeException e) {
      return arg;
    }
    if (Files.isRegularFile(path)) {
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    }
    return arg.strip();
  }
}
