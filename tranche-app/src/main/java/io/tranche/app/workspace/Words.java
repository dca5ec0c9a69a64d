package io.tranche.app.workspace;

import io.tranche.app.platform.CurrentActor;
import io.tranche.app.platform.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What pages print instead of code: states in words ({@code "delivered, in review"}, not {@code
 * SUBMITTED}) and moments in the signed-in workspace's time zone ({@code "14 Dec 2026, 09:30"}, not
 * {@code 2026-12-14T08:30:00.123456Z}). Templates call it as {@code @words}.
 */
@Component("words")
public class Words {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("MilestoneState.PLANNED", "not started"),
          Map.entry("MilestoneState.IN_PROGRESS", "in progress"),
          Map.entry("MilestoneState.SUBMITTED", "delivered, in review"),
          Map.entry("MilestoneState.CHANGES_REQUESTED", "changes requested"),
          Map.entry("MilestoneState.ACCEPTED", "accepted"),
          Map.entry("MilestoneState.INVOICED", "invoiced"),
          Map.entry("MilestoneState.PAID", "paid"),
          Map.entry("MilestoneState.RELEASED", "released"),
          Map.entry("QuoteStatus.DRAFT", "draft"),
          Map.entry("QuoteStatus.SENT", "sent, waiting for signature"),
          Map.entry("QuoteStatus.CHANGES_REQUESTED", "changes requested"),
          Map.entry("QuoteStatus.ACCEPTED", "signed by the client"),
          Map.entry("QuoteStatus.SUPERSEDED", "replaced by a newer version"),
          Map.entry("ContractStatus.AWAITING_VENDOR", "waiting for the vendor's signature"),
          Map.entry("ContractStatus.SIGNED", "signed by both"),
          Map.entry("InvoiceState.DRAFT", "draft"),
          Map.entry("InvoiceState.ISSUED", "issued"),
          Map.entry("InvoiceState.PARTIALLY_PAID", "partly paid"),
          Map.entry("InvoiceState.PAID", "paid"),
          Map.entry("InvoiceState.OVERDUE", "overdue"),
          Map.entry("InvoiceState.WRITTEN_OFF", "written off"),
          Map.entry("InvoiceState.CREDITED", "credited"),
          Map.entry("InvoiceState.VOID", "void"),
          Map.entry("ProjectType.WEB", "web site or app"),
          Map.entry("ProjectType.DESKTOP", "desktop software"),
          Map.entry("ProjectType.OTHER", "other work"),
          Map.entry("PaymentStatus.REPORTED", "reported, awaiting confirmation"),
          Map.entry("PaymentStatus.UNKNOWN", "being processed"),
          Map.entry("PaymentStatus.CONFIRMED", "confirmed"),
          Map.entry("PaymentStatus.NOT_RECEIVED", "reported, not received"),
          Map.entry("PaymentStatus.FAILED", "failed"),
          Map.entry("PaymentStatus.REFUNDED", "refunded"),
          Map.entry("Channel.bank", "bank transfer"),
          Map.entry("Channel.stripe", "card (online)"),
          Map.entry("Channel.credit", "from the client's credit"),
          Map.entry("PaymentTrigger.CONTRACT_SIGNED", "at signature"),
          Map.entry("PaymentTrigger.ACCEPTANCE", "on acceptance"),
          Map.entry("PaymentTrigger.FINAL_DEMO", "at the final demo"),
          Map.entry("ModificationKind.MINOR", "minor change (free, in the window)"),
          Map.entry("ModificationKind.CHANGE_ORDER", "change order (new work, quoted)"),
          Map.entry("ModificationStatus.OPEN", "open"),
          Map.entry("ModificationStatus.IN_PROGRESS", "in progress"),
          Map.entry("ModificationStatus.DONE", "done, waiting for the client's confirmation"),
          Map.entry("ModificationStatus.CONFIRMED", "confirmed done"),
          Map.entry("ModificationStatus.QUOTED", "quoted as a change order"),
          Map.entry("MeetingChannel.VIDEO", "video call"),
          Map.entry("MeetingChannel.AUDIO", "phone call"),
          Map.entry("MeetingChannel.IN_PERSON", "in person"),
          Map.entry("MailStatus.PENDING", "waiting to be sent"),
          Map.entry("MailStatus.SENT", "sent"),
          Map.entry("MailStatus.LOCAL", "kept here (no mail server)"),
          Map.entry("MailStatus.FAILED", "could not be sent"));

  private static final String ZONE = Words.class.getName() + ".zone";

  private final WorkspaceService workspaces;

  Words(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  /** An enum constant in words; a plain text ("CLIENT") in lower case. */
  public String of(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Enum<?> e) {
      String words = WORDS.get(e.getDeclaringClass().getSimpleName() + "." + e.name());
      if (words != null) {
        return words;
      }
      return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    return value.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A ledger account's key ({@code RECEIVABLE:<client>}, {@code CASH:bank}), in words. */
  public String account(String key) {
    int colon = key.indexOf(':');
    String kind = colon < 0 ? key : key.substring(0, colon);
    String owner = colon < 0 ? "" : key.substring(colon + 1);
    return switch (kind) {
      case "RECEIVABLE" -> "owed by the client";
      case "CASH" -> "received (" + owner + ")";
      case "REVENUE" -> "revenue";
      case "TAX_PAYABLE" -> "tax owed";
      case "CLIENT_CREDIT" -> "the client's credit";
      case "FEES" -> "provider fees";
      case "WRITE_OFF" -> "written off";
      default -> key;
    };
  }

  /** A ledger transaction's kind ({@code payment.received}), in words. */
  public String posting(String kind) {
    return switch (kind) {
      case "invoice.issued" -> "invoice issued";
      case "invoice.written-off" -> "invoice written off";
      case "payment.received" -> "payment received";
      case "payment.refunded" -> "payment refunded";
      case "payment.refund-rebooked" -> "earlier refund rebooked from the client's credit";
      case "payment.fee" -> "provider fee";
      case "credit.applied" -> "paid from the client's credit";
      case "credit.paid-back" -> "credit paid back to the client";
      default -> kind.replace('.', ' ').replace('-', ' ');
    };
  }

  /** A status given as text (e.g. a payment's), in words. */
  public String of(String kind, @Nullable String value) {
    if (value == null) {
      return "";
    }
    String words = WORDS.get(kind + "." + value);
    return words != null ? words : value.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A moment, e.g. {@code 14 Dec 2026, 09:30}, in the workspace's time zone. */
  public String at(@Nullable Instant at) {
    return Dates.moment(at, zone());
  }

  /** A moment with its time zone, e.g. {@code 14 Dec 2026, 09:30 CET}. */
  public String zoned(@Nullable Instant at) {
    return Dates.zoned(at, zone());
  }

  /** A day, e.g. {@code 14 Dec 2026}. */
  public String day(@Nullable LocalDate date) {
    return Dates.day(date);
  }

  /** The day of a moment, in the workspace's time zone. */
  public String day(@Nullable Instant at) {
    return Dates.day(at, zone());
  }

  /** A file's size as people read it, e.g. {@code 3.0 MiB}. */
  public String size(long bytes) {
    return io.tranche.app.platform.Sizes.label(bytes);
  }

  /** The signed-in workspace's time zone, looked up once per request. */
  private ZoneId zone() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object cached =
        request == null ? null : request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST);
    if (cached instanceof ZoneId zone) {
      return zone;
    }
    ZoneId zone =
        CurrentActor.get()
            .map(actor -> workspaces.zone(actor.workspaceId()))
            .orElse(ZoneId.of("UTC"));
    if (request != null) {
      request.setAttribute(ZONE, zone, RequestAttributes.SCOPE_REQUEST);
    }
    return zone;
  }
}
