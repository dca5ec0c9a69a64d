package io.tranche.core.contract;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.error.Validation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a signer submits: their typed full name, the explicit consent, and the hash of the document
 * they read. {@link #check} refuses a blank name, missing consent and a document that changed.
 */
public record SignatureRequest(
    @Nullable String typedName, boolean consent, @Nullable String documentHash) {

  /** The consent text stored with every signature. */
  public static final String CONSENT_TEXT =
      "I have read everything shown above, including its terms, and I sign it electronically."
          + " My typed name, this consent, the time, my network address and my browser are"
          + " recorded as my signature, with a fingerprint of exactly what I sign.";

  /** The signer's name, trimmed, after checking the request against the current document. */
  public String check(String currentHash) {
    FieldChecks checks = new FieldChecks();
    String name = checks.check("typedName", () -> Validation.text("typedName", typedName, 200));
    if (!consent) {
      checks.refuse(DomainException.field(ContractErrors.CONSENT_REQUIRED, "consent", Map.of()));
    }
    if (documentHash == null || !documentHash.equals(currentHash)) {
      checks.refuse(
          DomainException.field(
              ContractErrors.DOCUMENT_CHANGED,
              "documentHash",
              Map.of(
                  "given", documentHash == null ? "none" : documentHash, "current", currentHash)));
    }
    checks.throwIfAny();
    return java.util.Objects.requireNonNull(name);
  }
}
