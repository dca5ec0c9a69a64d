package io.tranche.app.project;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a project is in stop-work because an invoice is overdue, and what clears it. The dunning
 * module answers; the modules whose work pauses (new submissions, previews, preview licences) ask.
 */
public interface StopWork {
  ErrorCode PAUSED =
      new ErrorCode(
          "project.stop-work",
          ErrorKind.CONFLICT,
          "work on this project is paused until invoice {invoice} ({open}, due {due}) is paid");

  /** The pause a project is in, if any. */
  Optional<Pause> of(UUID workspaceId, UUID projectId);

  /** Refuses what a paused project does not do, naming the invoice that clears it. */
  default void refuseIfPaused(UUID workspaceId, UUID projectId) {
    Optional<Pause> pause = of(workspaceId, projectId);
    if (pause.isPresent()) {
      throw new DomainException(
          PAUSED,
          Map.of(
              "invoice", pause.get().invoiceNumber(),
              "open", pause.get().open().toString(),
              "due", pause.get().dueOn().toString()));
    }
  }

  /** Why a project is paused: since when, and the (oldest) invoice whose payment lifts it. */
  record Pause(Instant since, UUID invoiceId, String invoiceNumber, Money open, LocalDate dueOn) {
    /**
     * The stop-work notice every page of the project shows, in the vendor's or the client's words.
     */
    public String notice(boolean vendor) {
      String invoice =
          "invoice "
              + invoiceNumber
              + " ("
              + open
              + ", due "
              + io.tranche.app.platform.Dates.day(dueOn)
              + ")";
      return vendor
          ? "Stop-work: "
              + invoice
              + " is overdue. New deliveries, previews and preview licences of this project are"
              + " paused; releases already paid for are not touched. Payment lifts it by itself."
          : "Work on this project is paused until "
              + invoice
              + " is paid. Paying it lifts the pause at once; what you have already paid for stays"
              + " available.";
    }
  }
}
