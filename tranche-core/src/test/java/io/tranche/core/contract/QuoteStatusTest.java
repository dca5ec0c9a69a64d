package io.tranche.core.contract;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class QuoteStatusTest {
  /** The edges of the quote's life, read off the design. */
  private static final Map<QuoteStatus, Set<QuoteStatus>> ALLOWED =
      Map.of(
          QuoteStatus.DRAFT, EnumSet.of(QuoteStatus.SENT, QuoteStatus.SUPERSEDED),
          QuoteStatus.SENT,
              EnumSet.of(
                  QuoteStatus.CHANGES_REQUESTED, QuoteStatus.ACCEPTED, QuoteStatus.SUPERSEDED),
          QuoteStatus.CHANGES_REQUESTED, EnumSet.of(QuoteStatus.ACCEPTED, QuoteStatus.SUPERSEDED),
          QuoteStatus.ACCEPTED, EnumSet.noneOf(QuoteStatus.class),
          QuoteStatus.SUPERSEDED, EnumSet.noneOf(QuoteStatus.class));

  @Test
  void aSignedOrReplacedVersionMovesNoMore() {
    for (QuoteAction action : QuoteAction.values()) {
      assertThat(QuoteStatus.ACCEPTED.next(action)).isEmpty();
      assertThat(QuoteStatus.SUPERSEDED.next(action)).isEmpty();
    }
    assertCode(() -> QuoteStatus.ACCEPTED.require(QuoteAction.SEND), "quote.illegal-transition");
  }

  @Test
  void theClientSignsOnlyWhatWasSent() {
    assertThat(QuoteStatus.DRAFT.next(QuoteAction.SIGN)).isEmpty();
    assertThat(QuoteStatus.SENT.require(QuoteAction.SIGN)).isEqualTo(QuoteStatus.ACCEPTED);
  }

  @Property(tries = 1000)
  void randomActionsOnlyFollowTheDesignedEdges(@ForAll @Size(max = 20) List<QuoteAction> actions) {
    QuoteStatus current = QuoteStatus.DRAFT;
    for (QuoteAction action : actions) {
      var next = current.next(action);
      if (next.isPresent()) {
        assertThat(ALLOWED.get(current)).contains(next.get());
        current = next.get();
      }
    }
  }
}
