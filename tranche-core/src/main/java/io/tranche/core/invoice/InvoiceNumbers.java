package io.tranche.core.invoice;

import io.tranche.core.error.DomainException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Invoice numbers: gapless per workspace and year, formatted {@code <prefix><year>-<sequence>} with
 * at least four digits, e.g. {@code 2026-0042} or {@code INV-2026-0042}.
 */
public final class InvoiceNumbers {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9/-]{0,20}");

  private InvoiceNumbers() {}

  public static String format(String prefix, int year, long sequence) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw DomainException.field(InvoiceErrors.BAD_PREFIX, "invoicePrefix", Map.of());
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("invoice sequences start at 1");
    }
    return prefix + year + "-" + String.format("%04d", sequence);
  }
}
