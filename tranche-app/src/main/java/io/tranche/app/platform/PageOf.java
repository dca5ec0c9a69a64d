package io.tranche.app.platform;

import java.util.List;

/** One page of a list: the items, the zero-based page number, the page size and the total count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
  public PageOf {
    items = List.copyOf(items);
  }
}
