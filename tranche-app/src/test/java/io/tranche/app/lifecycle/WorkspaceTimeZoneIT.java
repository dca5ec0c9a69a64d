package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Dates people read are in the workspace's time zone, a setting owners change. */
class WorkspaceTimeZoneIT extends IntegrationTest {
  @Autowired InvoiceService invoices;

  private InvoiceView invoiceNow(World world) {
    return invoices.issueManual(
        world.owner(),
        world.project().id(),
        List.of(new InvoiceLine("Hosting", 1, Money.parse("10.00", "EUR"), 0)));
  }

  @Test
  void anInvoiceIsDatedInTheWorkspacesTimeZone() throws Exception {
    World world = fixtures.world("zone");
    mvc.perform(
            patch("/api/v1/settings")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"timeZone\":\"Mars/Olympus_Mons\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("timeZone"));

    // 11:00 UTC today: still today in UTC, already tomorrow at UTC+14
    LocalDate todayUtc = LocalDate.now(ZoneOffset.UTC);
    Instant eleven = todayUtc.atTime(11, 0).toInstant(ZoneOffset.UTC);
    clock.advance(Duration.between(Instant.now(), eleven));
    assertThat(invoiceNow(world).issuedOn()).isEqualTo(todayUtc);

    mvc.perform(
            patch("/api/v1/settings")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"timeZone\":\"Pacific/Kiritimati\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeZone").value("Pacific/Kiritimati"));
    assertThat(invoiceNow(world).issuedOn()).isEqualTo(todayUtc.plusDays(1));
  }
}
