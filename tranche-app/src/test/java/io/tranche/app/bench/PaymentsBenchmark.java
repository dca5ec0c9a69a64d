package io.tranche.app.bench;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A benchmark, not a test (its name matches neither *Test nor *IT, so no suite runs it): {@code
 * scripts/bench-payments} runs it against a fresh PostgreSQL database after measuring the machine
 * with pgbench, and it prints {@code payments_per_s}, the pgbench TPS it was given, and their
 * ratio. A payment here is the whole service call: load and lock-free update of the invoice, the
 * payment row, a balanced ledger transaction, the evidence entry and the receipt mail.
 */
class PaymentsBenchmark extends IntegrationTest {
  @Autowired InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  @Test
  void recordPayments() throws Exception {
    int threads = Integer.getInteger("bench.threads", 8);
    int payments = Integer.getInteger("bench.payments", 2000);
    World world = fixtures.world("bench");
    List<InvoiceView> issued = new ArrayList<>();
    for (int i = 0; i < payments; i++) {
      issued.add(
          invoices.issueManual(
              world.owner(),
              world.project().id(),
              List.of(new InvoiceLine("Hours", 1, Money.parse("100.00", "EUR"), 1900))));
    }
    int warmUp = Math.min(200, issued.size() / 10); // a tenth, at most 200
    run(world, issued.subList(0, warmUp), threads);
    List<InvoiceView> measured = issued.subList(warmUp, issued.size());
    long start = System.nanoTime();
    run(world, measured, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = measured.size() / seconds;
    double pgbench = Double.parseDouble(System.getProperty("bench.pgbench.tps", "0"));
    System.out.printf("payments_per_s: %.0f%n", perSecond);
    System.out.printf("pgbench_tps: %.0f%n", pgbench);
    if (pgbench > 0) {
      System.out.printf("payments_vs_pgbench: %.2f%n", perSecond / pgbench);
    }
    System.out.printf(
        "bench_threads: %d%nbench_payments: %d%njava: %s%n",
        threads, measured.size(), Runtime.version());
  }

  private void run(World world, List<InvoiceView> batch, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<Object>> calls = new ArrayList<>();
    for (InvoiceView invoice : batch) {
      calls.add(
          () ->
              payments.recordPayment(
                  world.owner(),
                  invoice.id(),
                  Money.parse("119.00", "EUR"),
                  LocalDate.now(),
                  "bench"));
    }
    for (Future<Object> f : pool.invokeAll(calls)) {
      f.get();
    }
    pool.shutdown();
  }
}
