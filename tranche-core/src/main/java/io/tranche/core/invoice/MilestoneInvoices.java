package io.tranche.core.invoice;

import io.tranche.core.money.Money;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a milestone's invoice. Payment plans split the gross (tax included) total, so a
 * milestone's invoice must add up to exactly its gross amount: the net is the gross divided by (1 +
 * rate), chosen so that net plus its half-up tax equals the gross; where no such net exists (a
 * rounding gap of one minor unit), a rounding line without tax closes the gap.
 */
public final class MilestoneInvoices {
  private MilestoneInvoices() {}

  public static List<InvoiceLine> lines(String description, Money gross, int taxRateBasisPoints) {
    long g = gross.amountMinor();
    long estimate =
        BigInteger.valueOf(g)
            .multiply(BigInteger.valueOf(10_000))
            .add(BigInteger.valueOf((10_000L + taxRateBasisPoints) / 2))
            .divide(BigInteger.valueOf(10_000L + taxRateBasisPoints))
            .longValueExact();
    for (long net = Math.max(0, estimate - 2); net <= estimate + 2; net++) {
      InvoiceLine line =
          new InvoiceLine(description, 1, new Money(net, gross.currency()), taxRateBasisPoints);
      if (line.gross().equals(gross)) {
        return List.of(line);
      }
    }
    InvoiceLine line =
        new InvoiceLine(description, 1, new Money(estimate, gross.currency()), taxRateBasisPoints);
    List<InvoiceLine> lines = new ArrayList<>(List.of(line));
    Money gap = gross.minus(line.gross());
    lines.add(new InvoiceLine("Rounding", 1, gap, 0));
    return List.copyOf(lines);
  }
}
