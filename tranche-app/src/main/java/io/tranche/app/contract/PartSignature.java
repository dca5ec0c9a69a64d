package io.tranche.app.contract;

import io.tranche.app.contract.internal.SignatureRepository;
import java.time.Instant;
import java.util.List;

/**
 * A signature on a part, as the client's page lists it: what it signed ({@code "Accepted the
 * delivery"}, {@code "Signed off the project"}), the name typed and when.
 */
public record PartSignature(String what, String typedName, Instant signedAt) {
  /** A part's signatures, oldest first, each said by what it signed. */
  static List<PartSignature> of(List<SignatureRepository.OfKind> signed) {
    return signed.stream()
        .map(
            k ->
                new PartSignature(
                    k.kind().equals(AcceptanceService.SIGNOFF)
                        ? "Signed off the project"
                        : "Accepted the delivery",
                    k.signature().typedName(),
                    k.signature().signedAt()))
        .toList();
  }
}
