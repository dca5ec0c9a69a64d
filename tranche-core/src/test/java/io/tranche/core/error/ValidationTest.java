package io.tranche.core.error;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ValidationTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

  @Test
  void acceptsDatesWithinTheWindowIncludingItsEdges() {
    assertThat(date(LocalDate.parse("2016-11-30"))).isEqualTo(LocalDate.parse("2016-11-30"));
    assertThat(date(LocalDate.parse("2026-12-01"))).isEqualTo(LocalDate.parse("2026-12-01"));
  }

  @Test
  void refusesDatesOutsideTheWindow() {
    assertCode(() -> date(LocalDate.MAX), "validation.date-out-of-range");
    assertCode(() -> date(LocalDate.parse("+999999999-12-31")), "validation.date-out-of-range");
    assertCode(() -> date(LocalDate.parse("2016-11-29")), "validation.date-out-of-range");
    assertCode(() -> date(LocalDate.parse("2026-12-02")), "validation.date-out-of-range");
    assertCode(() -> date(LocalDate.MIN), "validation.date-out-of-range");
  }

  private static LocalDate date(LocalDate value) {
    return Validation.dateWithin("receivedOn", value, TODAY, Period.ofYears(10), Period.ofDays(1));
  }

  @Test
  void refusesTextThatCannotBeStored() {
    assertCode(() -> Validation.text("name", "a\u0000b", 100), "validation.bad-characters");
    assertCode(() -> Validation.text("name", "a\uD800b", 100), "validation.bad-characters");
    assertCode(() -> Validation.text("name", "a\uDC00", 100), "validation.bad-characters");
    assertThat(Validation.text("name", "Zoë \uD83D\uDE00", 100)).isEqualTo("Zoë \uD83D\uDE00");
  }
}
