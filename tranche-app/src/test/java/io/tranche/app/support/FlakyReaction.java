package io.tranche.app.support;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.platform.Reaction;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reaction that fails once for the project it is armed with, as if the server died between the
 * action's commit and its reaction; idle otherwise.
 */
public class FlakyReaction {
  private volatile UUID failFor;
  private final AtomicInteger runs = new AtomicInteger();

  /** The next contract completed for {@code projectId} fails its first reaction. */
  public void arm(UUID projectId) {
    failFor = projectId;
    runs.set(0);
  }

  /** How often the reaction ran since it was armed. */
  public int runs() {
    return runs.get();
  }

  @Reaction
  void on(AgreementEvent.ContractCompleted completed) {
    UUID armed = failFor;
    if (armed == null || !armed.equals(completed.projectId())) {
      return;
    }
    if (runs.incrementAndGet() == 1) {
      throw new IllegalStateException("the server died before this reaction ran");
    }
    failFor = null;
  }
}
