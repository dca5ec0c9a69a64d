package io.tranche.app.dunning;

import io.tranche.app.dunning.internal.DunningRepository;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.dunning.DunningSchedule;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What clients owe, by how late it is (aging: 0–30, 31–60, 61–90 and 90+ days past due, with totals
 * per currency), each unpaid invoice with its last dunning step; and an invoice's reminder history,
 * for the vendor and for the client it was sent to.
 */
@Service
public class Receivables {
  /** The aging buckets' names, in order. */
  public static final List<String> BUCKETS = List.of("0–30", "31–60", "61–90", "90+");

  private final DunningRepository repository;
  private final InvoiceService invoices;
  private final WorkspaceService workspaces;

  Receivables(DunningRepository repository, InvoiceService invoices, WorkspaceService workspaces) {
    this.repository = repository;
    this.invoices = invoices;
    this.workspaces = workspaces;
  }

  /** An overdue invoice as the aging page lists it. */
  public record Overdue(InvoiceView invoice, long daysLate, String bucket, int lastStep) {}

  /** A bucket's invoices count and total, per currency. */
  public record Bucket(String name, int count, Map<String, Money> totals) {}

  /** The aging view: buckets (always all four) and the overdue invoices, latest first. */
  public record Aging(List<Bucket> buckets, List<Overdue> overdue, LocalDate today) {
    /** The largest bucket total in minor units (for the chart's scale), at least 1. */
    public long largest() {
      long max = 1;
      for (Bucket b : buckets) {
        for (Money m : b.totals().values()) {
          max = Math.max(max, m.amountMinor());
        }
      }
      return max;
    }
  }

  @Transactional(readOnly = true)
  public Aging aging(Actor actor) {
    Access.member(actor);
    LocalDate today = workspaces.today(actor.workspaceId());
    Map<UUID, Integer> steps = repository.lastSteps(actor.workspaceId());
    List<Overdue> overdue = new ArrayList<>();
    int page = 0;
    while (true) {
      var invoicesPage =
          invoices.workspaceInvoices(actor, InvoiceState.OVERDUE, new Paging(page, 200));
      for (InvoiceView i : invoicesPage.items()) {
        if (i.dueOn() == null) {
          continue;
        }
        long late = DunningSchedule.daysLate(i.dueOn(), today);
        overdue.add(new Overdue(i, late, bucket(late), steps.getOrDefault(i.id(), -1)));
      }
      if ((long) (page + 1) * 200 >= invoicesPage.total()) {
        break;
      }
      page++;
    }
    overdue.sort((a, b) -> Long.compare(b.daysLate(), a.daysLate()));
    Map<String, Map<String, Money>> totals = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String b : BUCKETS) {
      totals.put(b, new LinkedHashMap<>());
      counts.put(b, 0);
    }
    for (Overdue o : overdue) {
      Money open = Money.of(o.invoice().open().amountMinor(), o.invoice().open().currency());
      totals.get(o.bucket()).merge(open.currency().getCurrencyCode(), open, Money::plus);
      counts.merge(o.bucket(), 1, Integer::sum);
    }
    List<Bucket> buckets = new ArrayList<>();
    for (String b : BUCKETS) {
      buckets.add(new Bucket(b, counts.get(b), totals.get(b)));
    }
    return new Aging(buckets, overdue, today);
  }

  static String bucket(long daysLate) {
    if (daysLate <= 30) {
      return BUCKETS.get(0);
    }
    if (daysLate <= 60) {
      return BUCKETS.get(1);
    }
    return daysLate <= 90 ? BUCKETS.get(2) : BUCKETS.get(3);
  }

  /** A step of an invoice's reminder history, in words for pages. */
  public record Reminder(
      int step,
      String what,
      java.time.Instant at,
      @Nullable String lateFeeInvoice,
      @Nullable String lateFeeWhy) {}

  /** An invoice's reminder history, for whoever may see the invoice (members, its contacts). */
  @Transactional(readOnly = true)
  public List<Reminder> reminders(Actor actor, UUID invoiceId) {
    invoices.invoice(actor, invoiceId);
    return repository.history(actor.workspaceId(), invoiceId).stream()
        .map(t -> reminder(actor, t, List.of()))
        .toList();
  }

  /**
   * The reminder histories of invoices a page shows, by invoice, read in one statement. The
   * invoices are ones the caller was given by an access-checked read.
   */
  @Transactional(readOnly = true)
  public Map<UUID, List<Reminder>> reminders(Actor actor, List<InvoiceView> shown) {
    Map<UUID, List<Reminder>> byInvoice = new LinkedHashMap<>();
    for (DunningRepository.Taken t :
        repository.history(actor.workspaceId(), shown.stream().map(InvoiceView::id).toList())) {
      byInvoice
          .computeIfAbsent(t.invoiceId(), k -> new ArrayList<>())
          .add(reminder(actor, t, shown));
    }
    return byInvoice;
  }

  /** A step in words; its late fee's invoice is looked up among {@code known} first. */
  private Reminder reminder(Actor actor, DunningRepository.Taken t, List<InvoiceView> known) {
    String what =
        t.step() == 0
            ? "Friendly reminder before the due date"
            : "Reminder "
                + t.step()
                + (t.byLetter() ? ", by letter" : "")
                + (t.demandLetter() ? ", with the demand letter" : "");
    UUID feeId = t.lateFeeInvoiceId();
    InvoiceView fee =
        feeId == null
            ? null
            : known.stream()
                .filter(i -> i.id().equals(feeId))
                .findFirst()
                .orElseGet(() -> invoices.invoice(actor, feeId));
    return new Reminder(
        t.step(),
        what,
        t.at(),
        fee == null ? null : fee.number(),
        fee == null || fee.lines().isEmpty() ? null : fee.lines().get(0).description());
  }
}
