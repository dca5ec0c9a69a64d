package io.tranche.core.milestone;

import java.util.Objects;

/**
 * The result of a transition: the next version of an aggregate and the event that the move caused.
 * Persistence stores {@code next} and publishes {@code event}.
 */
public record Changed<T, E>(T next, E event) {
  public Changed {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(event, "event");
  }
}
