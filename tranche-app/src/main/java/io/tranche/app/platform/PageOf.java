package io.tranche.app.platform;

import java.util.List;

/** One page of a list: the items, the zero-based page number, the page size and the total count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
  public PageOf {
    items = List.copyOf(items);
  }

  /** The same page with each item turned into another. */
  public <R> PageOf<R> map(java.util.function.Function<? super T, ? extends R> f) {
    return new PageOf<>(items.stream().<R>map(f).toList(), page, size, total);
  }
}
