package io.tranche.app.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contract: the accepted quote version, its signatures, and the signed PDF once complete. */
public record ContractView(
    UUID id,
    UUID projectId,
    UUID quoteId,
    int version,
    String documentHash,
    ContractStatus status,
    @Nullable String pdfSha256,
    List<SignatureView> signatures,
    Instant createdAt,
    @Nullable Instant completedAt) {
  public ContractView {
    signatures = List.copyOf(signatures);
  }

  /** Where a contract stands: the client signs first, then the vendor countersigns. */
  public enum ContractStatus {
    AWAITING_VENDOR,
    SIGNED
  }
}
