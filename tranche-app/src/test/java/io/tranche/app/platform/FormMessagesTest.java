package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.MoneyErrors;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormMessagesTest {
  private static DomainException refusal(Runnable check) {
    try {
      check.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aNumberOutOfRangeNamesItsFieldByLabelAndNeverByItsNameInTheCode() {
    DomainException e = refusal(() -> Validation.range("reviewDays", 0, 1, 365));
    assertThat(FormMessages.plain(e, "Review period"))
        .isEqualTo("Review period must be a whole number from 1 to 365.");
    assertThat(FormMessages.plain(e, "reviewDays"))
        .isEqualTo("Enter a whole number from 1 to 365.");
  }

  @Test
  void dateLimitsReadAsDatesNotIsoStrings() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    DomainException e =
        refusal(
            () ->
                Validation.dateWithin(
                    "heldAt",
                    LocalDate.of(2030, 1, 1),
                    today,
                    java.time.Period.ofYears(10),
                    java.time.Period.ofDays(1)));
    assertThat(FormMessages.plain(e, "When"))
        .isEqualTo("When must be a date from 1 Dec 2016 to 2 Dec 2026.");
  }

  @Test
  void anAttachmentTooLargeSaysTheLimitInMegabytesNotBytes() {
    DomainException e =
        DomainException.field(
            io.tranche.core.message.Attachments.TOO_LARGE,
            "files",
            Map.of("name", "big.bin", "limit", 26_214_400L));
    assertThat(FormMessages.plain(e, "The attachments"))
        .isEqualTo("The file 'big.bin' is larger than 25.0 MiB, the most one attachment may be.");
  }

  @Test
  void anEmptyAmountAsksForItAndAMalformedOneShowsHowToWriteIt() {
    DomainException empty =
        DomainException.field(MoneyErrors.MALFORMED_AMOUNT, "amount", Map.of("value", ""));
    assertThat(FormMessages.plain(empty, "The amount")).isEqualTo("Please fill in the amount.");
    DomainException comma =
        DomainException.field(MoneyErrors.MALFORMED_AMOUNT, "amount", Map.of("value", "12,3,4"));
    assertThat(FormMessages.plain(comma, "The amount"))
        .isEqualTo("Write the amount like 1234.50 ('12,3,4' is not an amount).");
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndNamesTheFieldAtFault() {
    Map<String, String> typed = Map.of("amount", "12,3,4", "paidOn", "2026-12-01");
    DomainException amount =
        DomainException.field(MoneyErrors.MALFORMED_AMOUNT, "amount.amount", Map.of());
    assertThat(FormMessages.typedAgain(amount, typed, "amount"))
        .containsEntry("amount", "12,3,4")
        .containsEntry("paidOn", "2026-12-01")
        .containsEntry("field", "amount");
    DomainException day = DomainException.field(Validation.REQUIRED, "paidOn", Map.of());
    assertThat(FormMessages.typedAgain(day, typed, "amount")).containsEntry("field", "paidOn");
    // a refusal about something the form has no field for goes next to the fallback
    DomainException elsewhere = DomainException.field(Validation.REQUIRED, "invoice", Map.of());
    assertThat(FormMessages.typedAgain(elsewhere, typed, "amount"))
        .containsEntry("field", "amount");
  }

  @Test
  void aNegativeAmountNamesItsField() {
    DomainException e =
        DomainException.field(
            MoneyErrors.NEGATIVE, "lines[1].unitPrice", Map.of("value", "-500.00"));
    assertThat(FormMessages.plain(e, "Line 2's unit price"))
        .isEqualTo("Line 2's unit price must not be negative (was -500.00).");
    assertThat(FormMessages.plain(e, ""))
        .isEqualTo("The amount must not be negative (was -500.00).");
  }
}
