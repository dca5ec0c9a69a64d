package io.tranche.app.platform;

import java.util.List;

/** One page of a list: the items, the zero-based page number, the page size and the total count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
  public PageOf {
    items = List.copyOf(items);
  }

  /**
   * A page of these items, with the whole list counted only when the page does not tell its size: a
   * first page with room to spare holds every item.
   */
  public static <T> PageOf<T> of(
      List<T> items, Paging paging, java.util.function.LongSupplier count) {
    long total =
        paging.page() == 0 && items.size() < paging.size() ? items.size() : count.getAsLong();
    return new PageOf<>(items, paging.page(), paging.size(), total);
  }

  /** The same page with each item turned into another. */
  public <R> PageOf<R> map(java.util.function.Function<? super T, ? extends R> f) {
    return new PageOf<>(items.stream().<R>map(f).toList(), page, size, total);
  }
}
