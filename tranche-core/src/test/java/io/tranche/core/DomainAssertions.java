package io.tranche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;

/** Assertions on domain refusals, by their stable code. */
public final class DomainAssertions {
  private DomainAssertions() {}

  /** Asserts that {@code action} is refused with the error code {@code code}. */
  public static void assertCode(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code().slug()).isEqualTo(code));
  }
}
