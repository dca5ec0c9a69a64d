package io.tranche.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MilestoneInvoicesProperties {

  @Property
  void linesAddUpToTheMilestonesGrossExactly(
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long gross,
      @ForAll @IntRange(min = 0, max = 10_000) int rate) {
    List<InvoiceLine> lines = MilestoneInvoices.lines("Deposit", Money.of(gross, "EUR"), rate);
    Money total = lines.stream().map(InvoiceLine::gross).reduce(Money::plus).orElseThrow();
    assertThat(total).isEqualTo(Money.of(gross, "EUR"));
    assertThat(lines.size()).isBetween(1, 2);
  }
}
