package io.tranche.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldChecksTest {
  @Test
  void keepsEveryRefusalAndNamesEachField() {
    FieldChecks checks = new FieldChecks();
    String name = checks.check("name", () -> Validation.text("name", " ", 10));
    String email = checks.check("email", () -> Validation.email("email", "not-an-address"));
    String fine = checks.check("city", () -> Validation.text("city", " Berlin ", 20));
    assertThat(name).isNull();
    assertThat(email).isNull();
    assertThat(fine).isEqualTo("Berlin");
    assertThat(checks.passed("city")).isTrue();
    assertThat(checks.passed("name")).isFalse();
    assertThatThrownBy(checks::throwIfAny)
        .isInstanceOfSatisfying(
            FieldChecks.InvalidFields.class,
            e -> {
              assertThat(e.refusals())
                  .extracting(DomainException::field)
                  .containsExactly("name", "email");
              assertThat(e.code().slug()).isEqualTo("validation.fields");
              assertThat(e.field()).isEqualTo("name");
            });
  }

  @Test
  void oneRefusalIsThrownAsItselfAndNoneThrowsNothing() {
    FieldChecks checks = new FieldChecks();
    checks.check("days", () -> Validation.range("days", 900, 0, 365));
    assertThatThrownBy(checks::throwIfAny)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e).isNotInstanceOf(FieldChecks.InvalidFields.class);
              assertThat(e.code().slug()).isEqualTo("validation.out-of-range");
            });
    new FieldChecks().throwIfAny();
  }

  @Test
  void aRefusalWithoutAFieldIsKeptUnderTheCheckedOne() {
    FieldChecks checks = new FieldChecks();
    checks.check(
        "zone",
        () -> {
          throw new DomainException(Validation.REQUIRED, java.util.Map.of("field", "zone"));
        });
    assertThatThrownBy(checks::throwIfAny)
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("zone"));
  }
}
