package io.tranche.app.platform;

import io.tranche.core.error.DomainException;
import java.util.Map;

/** A requested page: zero-based {@code page}, {@code size} between 1 and {@value #MAX_SIZE}. */
public record Paging(int page, int size) {
  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 50;

  public Paging {
    if (page < 0 || page > 1_000_000) {
      throw DomainException.field(
          Errors.BAD_PARAMETER,
          "page",
          Map.of("field", "page", "problem", "must be between 0 and 1000000, was " + page));
    }
    if (size < 1 || size > MAX_SIZE) {
      throw DomainException.field(
          Errors.BAD_PARAMETER,
          "size",
          Map.of(
              "field", "size", "problem", "must be between 1 and " + MAX_SIZE + ", was " + size));
    }
  }

  public long offset() {
    return (long) page * size;
  }
}
