package io.tranche.core.contract;

import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * What an amendment (a change order) changes in the contract it amends, as a client reads it: the
 * lines and parts it adds or drops, and the total before and after. Lines and parts are matched as
 * a whole (a line whose price changed is one dropped and one added); parts by name and amount.
 */
public record QuoteChange(
    List<QuoteLine> addedLines,
    List<QuoteLine> droppedLines,
    List<PlannedMilestone> addedParts,
    List<PlannedMilestone> droppedParts,
    Money grossBefore,
    Money grossAfter,
    boolean scopeChanged,
    boolean termsChanged) {

  public QuoteChange {
    addedLines = List.copyOf(addedLines);
    droppedLines = List.copyOf(droppedLines);
    addedParts = List.copyOf(addedParts);
    droppedParts = List.copyOf(droppedParts);
  }

  /** What {@code after} changes in {@code before}. */
  public static QuoteChange between(QuoteContent before, QuoteContent after) {
    return new QuoteChange(
        missing(after.lines(), before.lines()),
        missing(before.lines(), after.lines()),
        missing(after.plan().milestones(), before.plan().milestones()),
        missing(before.plan().milestones(), after.plan().milestones()),
        before.gross(),
        after.gross(),
        !before.scope().equals(after.scope()) || !before.timeline().equals(after.timeline()),
        !before.terms().equals(after.terms())
            || before.taxRateBasisPoints() != after.taxRateBasisPoints());
  }

  /** What the total changes by: positive when the amendment adds work. */
  public Money grossDifference() {
    return grossAfter.minus(grossBefore);
  }

  /** Whether nothing a client signs for changes (only the validity date, say). */
  public boolean none() {
    return addedLines.isEmpty()
        && droppedLines.isEmpty()
        && addedParts.isEmpty()
        && droppedParts.isEmpty()
        && !scopeChanged
        && !termsChanged
        && grossBefore.equals(grossAfter);
  }

  /** The items of {@code of} that {@code in} does not have, each counted as often as it occurs. */
  private static <T> List<T> missing(List<T> of, List<T> in) {
    List<T> left = new ArrayList<>(in);
    List<T> out = new ArrayList<>();
    for (T item : of) {
      if (!left.remove(item)) {
        out.add(item);
      }
    }
    return out;
  }
}
