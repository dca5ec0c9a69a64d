package io.tranche.app.contract;

import java.time.Instant;

/** A signature event, as the certificate of completion lists it. */
public record SignatureView(
    String role,
    String signer,
    String signerEmail,
    String typedName,
    String documentHash,
    String consentText,
    String ip,
    String userAgent,
    Instant signedAt) {}
