package io.tranche.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a delivery receipt states about a sealed artifact: whose it is (workspace, project,
 * milestone), what it is (id, name, media type), what the plaintext and the ciphertext are (size
 * and SHA-256), which data key will open it (the key commitment), under which contract (the signed
 * contract document's SHA-256, if any) and when it was issued. The JSON member names are the
 * receipt format (docs/formats.md).
 */
public record DeliveryReceipt(
    String workspaceId,
    String projectId,
    String milestoneId,
    String artifactId,
    String artifactName,
    String mediaType,
    long plaintextSize,
    String plaintextSha256,
    long ciphertextSize,
    String ciphertextSha256,
    String keyCommitment,
    @Nullable String contractSha256,
    String issuedAt) {

  /** The receipt type named in every payload; a verifier refuses any other. */
  public static final String TYPE = "tranche.delivery-receipt.v1";

  /** The sealed format the ciphertext is in. */
  public static final String SEALING = "tink-streaming-aead/AES256_GCM_HKDF_1MB";

  public DeliveryReceipt {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(milestoneId, "milestoneId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(artifactName, "artifactName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(plaintextSha256, "plaintextSha256");
    Objects.requireNonNull(ciphertextSha256, "ciphertextSha256");
    Objects.requireNonNull(keyCommitment, "keyCommitment");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /** The associated data the ciphertext was sealed with. */
  public String associatedData() {
    return Sealing.ASSOCIATED_DATA_PREFIX + artifactId;
  }

  /** The payload members, in the receipt's JSON form. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", TYPE);
    m.put("workspaceId", workspaceId);
    m.put("projectId", projectId);
    m.put("milestoneId", milestoneId);
    m.put("artifactId", artifactId);
    m.put("artifactName", artifactName);
    m.put("mediaType", mediaType);
    m.put("plaintextSize", plaintextSize);
    m.put("plaintextSha256", plaintextSha256);
    m.put("ciphertextSize", ciphertextSize);
    m.put("ciphertextSha256", ciphertextSha256);
    m.put("keyCommitment", keyCommitment);
    m.put("sealing", SEALING);
    m.put("associatedData", associatedData());
    m.put("contractSha256", contractSha256);
    m.put("issuedAt", issuedAt);
    return m;
  }
}
