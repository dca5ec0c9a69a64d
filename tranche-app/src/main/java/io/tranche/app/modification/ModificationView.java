package io.tranche.app.modification;

import io.tranche.core.modification.ModificationKind;
import io.tranche.core.modification.ModificationRequest;
import io.tranche.core.modification.ModificationStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A modification request as the API and pages show it. */
public record ModificationView(
    UUID id,
    UUID projectId,
    int number,
    String what,
    String where,
    String expected,
    boolean inWindow,
    @Nullable ModificationKind kind,
    ModificationStatus status,
    String filedBy,
    Instant filedAt,
    @Nullable UUID quoteId,
    @Nullable UUID messageId) {

  static ModificationView of(
      ModificationRequest r,
      String filedBy,
      Instant filedAt,
      @Nullable UUID quoteId,
      @Nullable UUID messageId) {
    return new ModificationView(
        r.id(),
        r.projectId().value(),
        r.number(),
        r.what(),
        r.location(),
        r.expected(),
        r.inWindow(),
        r.kind(),
        r.status(),
        filedBy,
        filedAt,
        quoteId,
        messageId);
  }
}
