package io.tranche.app.artifact;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sealed artifact as shown to the vendor and the client: what it is, its digests and key
 * commitment, whether its receipt is issued, whether it is released (and whether the payment was
 * refunded or charged back after release), and whether the client may download the ciphertext
 * before paying.
 */
public record ArtifactView(
    UUID id,
    UUID projectId,
    UUID milestoneId,
    String name,
    String mediaType,
    long plaintextSize,
    String plaintextSha256,
    long ciphertextSize,
    String ciphertextSha256,
    String keyCommitment,
    Instant uploadedAt,
    @Nullable Instant receiptIssuedAt,
    boolean released,
    @Nullable Instant releasedAt,
    @Nullable String releaseReason,
    @Nullable String reversalAfterRelease,
    @Nullable Instant reversedAfterReleaseAt,
    boolean ciphertextDownloadable) {

  /** The plaintext size for people, e.g. {@code 50.0 MiB}. */
  public String sizeLabel() {
    return io.tranche.app.platform.Sizes.label(plaintextSize);
  }
}
