package io.tranche.app.invoice;

import io.tranche.app.platform.Evidenced;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money moved: the invoice module's events, one record per kind, each with its evidence record.
 * Other modules react to the records ({@code on(PaymentReceived e)}), never to a type string.
 */
public sealed interface InvoiceEvent extends Evidenced {

  /** The invoice, payment or credit note the evidence entry refers to. */
  UUID reference();

  /** The evidence entry's fields besides {@code reference}. */
  Map<String, Object> details();

  @Override
  default Map<String, Object> evidencePayload() {
    Map<String, Object> payload = new LinkedHashMap<>(details());
    payload.put("reference", reference().toString());
    return payload;
  }

  /** An invoice was issued (numbered, posted, mailed). */
  record InvoiceIssued(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID invoiceId,
      String number,
      Money total,
      LocalDate dueOn)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "invoice.issued";
    }

    @Override
    public UUID reference() {
      return invoiceId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields(
          "number", number,
          "totalMinor", total.amountMinor(),
          "currency", total.currency().getCurrencyCode(),
          "dueOn", dueOn.toString());
    }
  }

  /**
   * Money arrived and was posted: it settled the invoice up to what was open, or, when the invoice
   * no longer asked for it, all of it became the client's credit ({@code clientCredit}).
   */
  record PaymentReceived(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID paymentId,
      UUID invoiceId,
      Money amount,
      String channel,
      @Nullable Money clientCredit)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.received";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> d =
          Evidenced.fields(
              "invoice", invoiceId.toString(),
              "amountMinor", amount.amountMinor(),
              "channel", channel);
      if (clientCredit != null) {
        d.put("clientCreditMinor", clientCredit.amountMinor());
      }
      return d;
    }
  }

  /** The client reported a payment; it counts once a member confirms it. */
  record PaymentReported(
      UUID workspaceId, UUID projectId, String actor, UUID paymentId, UUID invoiceId, Money amount)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.reported";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields("invoice", invoiceId.toString(), "amountMinor", amount.amountMinor());
    }
  }

  /** A member said a transfer the client reported never arrived; it counts for nothing. */
  record PaymentNotReceived(
      UUID workspaceId, UUID projectId, String actor, UUID paymentId, UUID invoiceId, Money amount)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.not-received";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields("invoice", invoiceId.toString(), "amountMinor", amount.amountMinor());
    }
  }

  /** A provider reported a payment whose outcome is not known yet; it is never counted as paid. */
  record PaymentUnknown(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID paymentId,
      UUID invoiceId,
      Money amount,
      String providerRef)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.unknown";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields(
          "invoice", invoiceId.toString(),
          "amountMinor", amount.amountMinor(),
          "providerRef", providerRef);
    }
  }

  /** A payment of unknown outcome failed: nothing was posted. */
  record PaymentFailed(
      UUID workspaceId, UUID projectId, String actor, UUID paymentId, UUID invoiceId, String how)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.failed";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields("invoice", invoiceId.toString(), "how", how);
    }
  }

  /**
   * A provider refunded (part of) a payment. {@code fromCredit} of it was the client's credit (the
   * payment had brought more than its invoice asked); the rest is owed on the invoice again. Events
   * recorded before there was such a part have none.
   */
  record PaymentRefunded(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID paymentId,
      UUID invoiceId,
      Money amount,
      String providerEvent,
      @Nullable Money fromCredit)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.refunded";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    /** The part of the refund that reopens the invoice. */
    public Money onInvoice() {
      return fromCredit == null ? amount : amount.minus(fromCredit);
    }

    @Override
    public Map<String, Object> details() {
      return fromCredit == null || fromCredit.isZero()
          ? Evidenced.fields(
              "invoice", invoiceId.toString(),
              "amountMinor", amount.amountMinor(),
              "event", providerEvent)
          : Evidenced.fields(
              "invoice", invoiceId.toString(),
              "amountMinor", amount.amountMinor(),
              "fromCreditMinor", fromCredit.amountMinor(),
              "event", providerEvent);
    }
  }

  /**
   * The client disputed a payment with their bank (a chargeback); it holds what it would release.
   */
  record PaymentChargedBack(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID paymentId,
      UUID invoiceId,
      Money amount,
      String dispute,
      String providerEvent)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.charged-back";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields(
          "invoice", invoiceId.toString(),
          "amountMinor", amount.amountMinor(),
          "currency", amount.currency().getCurrencyCode(),
          "dispute", dispute,
          "event", providerEvent);
    }
  }

  /** A provider's or bank's fee kept from a payment. */
  record FeeRecorded(UUID workspaceId, UUID projectId, String actor, UUID paymentId, Money fee)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "payment.fee";
    }

    @Override
    public UUID reference() {
      return paymentId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields("payment", paymentId.toString(), "amountMinor", fee.amountMinor());
    }
  }

  /** A credit note reduced what an invoice asks for. */
  record CreditNoteIssued(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID invoiceId,
      UUID creditNoteId,
      String number,
      Money amount,
      String reason)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "credit-note.issued";
    }

    @Override
    public UUID reference() {
      return invoiceId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields(
          "invoice",
          invoiceId.toString(),
          "creditNote",
          creditNoteId.toString(),
          "number",
          number,
          "amountMinor",
          amount.amountMinor(),
          "reason",
          reason);
    }
  }

  /** An invoice nothing was paid on was voided; its posting reversed. */
  record InvoiceVoided(
      UUID workspaceId, UUID projectId, String actor, UUID invoiceId, @Nullable String number)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "invoice.voided";
    }

    @Override
    public UUID reference() {
      return invoiceId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields("invoice", invoiceId.toString(), "number", String.valueOf(number));
    }
  }

  /** What was open on an invoice was written off: closed, not paid. */
  record InvoiceWrittenOff(
      UUID workspaceId, UUID projectId, String actor, UUID invoiceId, Money amount, String reason)
      implements InvoiceEvent {
    @Override
    public String evidenceType() {
      return "invoice.written-off";
    }

    @Override
    public UUID reference() {
      return invoiceId;
    }

    @Override
    public Map<String, Object> details() {
      return Evidenced.fields(
          "invoice", invoiceId.toString(), "amountMinor", amount.amountMinor(), "reason", reason);
    }
  }
}
