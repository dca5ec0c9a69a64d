package io.tranche.app.contract;

import io.tranche.app.contract.DeliveredWork.Deliverable;
import io.tranche.app.platform.Evidenced;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to a quote, a contract or a decision on delivered work: the contract module's
 * events, one record per kind, each with its evidence record (the document it concerns and the
 * SHA-256 a signature binds to). Other modules react to the records, never to a type string.
 */
public sealed interface AgreementEvent extends Evidenced {

  /** The quote, contract or milestone the event concerns. */
  UUID documentId();

  /** The SHA-256 of the document as it was shown or signed. */
  String documentHash();

  /** The evidence entry's fields besides the document and its hash. */
  Map<String, Object> details();

  @Override
  default Map<String, Object> evidencePayload() {
    Map<String, Object> payload = new LinkedHashMap<>(details());
    payload.put("document", documentId().toString());
    payload.put("documentSha256", documentHash());
    return payload;
  }

  /** A quote version was sent to the client (an amendment names the contract it amends). */
  record QuoteSent(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      int version,
      @Nullable UUID amends)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return "quote.sent";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = quote(documentId, version);
      if (amends != null) {
        d.put("amends", amends.toString());
      }
      return d;
    }
  }

  /** A client contact opened a quote version ({@code first}: nobody had before). */
  record QuoteViewed(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      int version,
      boolean first)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return "quote.viewed";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = quote(documentId, version);
      d.put("first", first);
      return d;
    }
  }

  /** A version the client had seen was replaced by a new draft version {@code by}. */
  record QuoteSuperseded(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      int version,
      UUID by)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return "quote.superseded";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = quote(documentId, version);
      d.put("by", by.toString());
      return d;
    }
  }

  /** The client asked for changes to a sent version. */
  record QuoteChangesRequested(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      int version,
      String comment)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return "quote.changes-requested";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = quote(documentId, version);
      d.put("comment", comment);
      return d;
    }
  }

  /**
   * One side signed a quote version: the client (which makes the contract {@code contractId}) or,
   * with the vendor-first order, a member before sending.
   */
  record QuoteSigned(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      int version,
      SignatureView signature,
      @Nullable UUID contractId)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return "document.signed";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = signed(signature);
      if (contractId != null) {
        d.put("contract", contractId.toString());
      }
      d.putAll(quote(documentId, version));
      return d;
    }
  }

  /**
   * The last signature is on a contract: it is complete, its PDF stored, its plan the project's. An
   * amendment ({@code amends} the earlier contract) is logged as {@code contract.amended}.
   */
  record ContractCompleted(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      UUID quoteId,
      SignatureView last,
      String pdfSha256,
      @Nullable UUID amends)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return amends == null ? "contract.signed" : "contract.amended";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = signed(last);
      d.put("contract", documentId.toString());
      d.put("quote", quoteId.toString());
      d.put("pdfSha256", pdfSha256);
      if (amends != null) {
        d.put("amends", amends.toString());
      }
      return d;
    }
  }

  /** The client signed the acceptance of delivered work (what was delivered is in the document). */
  record AcceptanceSigned(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      SignatureView signature,
      List<Deliverable> deliverables,
      @Nullable List<String> previewsViewed)
      implements AgreementEvent {
    public AcceptanceSigned {
      deliverables = List.copyOf(deliverables);
      previewsViewed = previewsViewed == null ? List.of() : List.copyOf(previewsViewed);
    }

    @Override
    public String evidenceType() {
      return "milestone.acceptance-signed";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = signed(signature);
      d.put("milestone", documentId.toString());
      d.put("deliverables", AcceptanceDocument.evidenceOf(deliverables));
      if (previewsViewed != null && !previewsViewed.isEmpty()) {
        d.put("previewsViewed", previewsViewed);
      }
      return d;
    }
  }

  /** The client signed off the released final delivery; the modification window is open. */
  record SignedOff(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      SignatureView signature,
      List<Deliverable> deliverables,
      Instant windowEndsAt)
      implements AgreementEvent {
    public SignedOff {
      deliverables = List.copyOf(deliverables);
    }

    @Override
    public String evidenceType() {
      return "project.signed-off";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = signed(signature);
      d.put("milestone", documentId.toString());
      d.put("deliverables", AcceptanceDocument.evidenceOf(deliverables));
      d.put("modificationWindowEndsAt", windowEndsAt.toString());
      return d;
    }
  }

  /** The client asked for changes to submitted work, with a reason the vendor reads. */
  record ChangesRequested(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID documentId,
      String documentHash,
      String milestoneName,
      String comment)
      implements AgreementEvent {
    @Override
    public String evidenceType() {
      return "milestone.changes-requested";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("milestone", documentId.toString());
      d.put("comment", comment);
      d.put("name", milestoneName);
      return d;
    }
  }

  /**
   * The review period passed in silence: submitted work is deemed accepted, or (with {@code
   * windowEndsAt}) the released final delivery deemed signed off.
   */
  record Deemed(
      UUID workspaceId,
      UUID projectId,
      UUID documentId,
      String documentHash,
      Instant reviewStartedAt,
      int reviewDays,
      int remindersSent,
      List<Deliverable> deliverables,
      @Nullable Instant windowEndsAt)
      implements AgreementEvent {
    public Deemed {
      deliverables = List.copyOf(deliverables);
    }

    @Override
    public String actor() {
      return "review-period";
    }

    /** Whether this is a sign-off (of the final delivery) rather than an acceptance. */
    public boolean signOff() {
      return windowEndsAt != null;
    }

    @Override
    public String evidenceType() {
      return signOff() ? "project.deemed-signed-off" : "milestone.deemed-accepted";
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("milestone", documentId.toString());
      d.put("reviewStartedAt", reviewStartedAt.toString());
      d.put("reviewDays", reviewDays);
      d.put("remindersSent", remindersSent);
      d.put("deliverables", AcceptanceDocument.evidenceOf(deliverables));
      if (windowEndsAt != null) {
        d.put("modificationWindowEndsAt", windowEndsAt.toString());
      }
      return d;
    }
  }

  private static Map<String, Object> quote(UUID quoteId, int version) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("quote", quoteId.toString());
    d.put("version", version);
    return d;
  }

  private static Map<String, Object> signed(SignatureView s) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("role", s.role());
    d.put("typedName", s.typedName());
    d.put("ip", s.ip());
    d.put("userAgent", s.userAgent());
    return d;
  }
}
