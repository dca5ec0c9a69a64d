package io.tranche.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.dunning.DunningPass;
import io.tranche.app.dunning.DunningPassAccess;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.TestMail;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dunning pages in real Chromium, each checked with axe-core and at 390 px: the vendor edits
 * the plan (a refused field is named next to it), sees receivables by age and an invoice's
 * reminders, and is refused a webhook address that is not https; the client sees why their project
 * is paused and the reminders on their invoice.
 */
class DunningPagesIT extends VendorAndClientIT {
  @Autowired DunningPass pass;

  @Test
  void theVendorPlansAndFollowsRemindersAndTheClientSeesWhyWorkIsPaused() throws Exception {
    World world = fixtures.world("dunning-pages");
    fixtures.signedContract(world);
    realCsrfTokens();
    UUID invoice =
        jdbc.sql("select id from invoice where workspace_id = ? and milestone_id is not null")
            .param(world.owner().workspaceId())
            .query(UUID.class)
            .single();
    var view = fixtures.invoices().invoice(world.owner(), invoice);
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, view.dueOn().plusDays(35))));
    UUID ws = world.owner().workspaceId();
    assertThat(DunningPassAccess.run(pass, ws)).isEqualTo(3);

    signInVendor(world.ownerEmail());

    vendor.findElement(By.linkText("Settings")).click();
    vendor.findElement(By.cssSelector("#dunning-link a")).click();
    vendor.findElement(By.id("stages[1].day")).clear();
    vendor.findElement(By.id("stages[1].day")).sendKeys("5");
    vendor.findElement(By.cssSelector("#dunning-form button[type=submit]")).click();
    assertThat(
            waitFor(vendor)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("stages[1].day-error")))
                .getText())
        .contains("day 5 follows day 10");
    PageChecks.check(vendor, "dunning-01-plan-refused", findings);
    vendor.findElement(By.id("stages[1].day")).clear();
    vendor.findElement(By.id("stages[1].day")).sendKeys("21");
    new org.openqa.selenium.support.ui.Select(vendor.findElement(By.id("lateFee.kind")))
        .selectByValue("PERCENT");
    vendor.findElement(By.id("lateFee.basisPoints")).sendKeys("2.5");
    vendor.findElement(By.id("lateFeeStage")).clear();
    vendor.findElement(By.id("lateFeeStage")).sendKeys("2");
    vendor.findElement(By.cssSelector("#dunning-form button[type=submit]")).click();
    assertThat(
            waitFor(vendor)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".saved")))
                .getText())
        .contains("Dunning plan saved");
    assertThat(vendor.findElement(By.id("lateFee.basisPoints")).getAttribute("value"))
        .isEqualTo("2.5");
    PageChecks.check(vendor, "dunning-02-plan", findings);

    vendor.findElement(By.linkText("Receivables")).click();
    assertThat(vendor.findElement(By.id("aging")).getText())
        .contains("31–60")
        .contains("1000.00 EUR");
    assertThat(vendor.findElement(By.id("overdue")).getText())
        .contains(view.number())
        .contains("reminder 3 sent");
    PageChecks.check(vendor, "dunning-03-receivables", findings);
    vendor.findElement(By.linkText("reminder 3 sent")).click();
    assertThat(vendor.findElement(By.id("reminders")).getText())
        .contains("Reminder 1")
        .contains("with the demand letter");
    assertThat(vendor.findElement(By.id("demand-letter")).isDisplayed()).isTrue();
    PageChecks.check(vendor, "dunning-04-reminders", findings);
    vendor.get(baseUrl() + "/console/projects/" + world.project().id());
    assertThat(vendor.findElement(By.id("stop-work")).getText())
        .contains("Stop-work: invoice " + view.number());
    PageChecks.check(vendor, "dunning-05-console-project-paused", findings);

    // webhooks: an address that is not https is refused next to its field
    vendor.get(baseUrl() + "/console/settings/webhooks");
    vendor.findElement(By.id("url")).sendKeys("ftp://hooks.example.com/tranche");
    vendor.findElement(By.id("add-endpoint")).click();
    assertThat(vendor.findElement(By.id("url-error")).getText()).contains("https");
    assertThat(vendor.findElement(By.id("url")).getDomAttribute("aria-invalid")).isEqualTo("true");
    PageChecks.check(vendor, "dunning-08-webhooks-refused", findings);

    // the client signs in by link and sees why, and the reminders on the invoice
    client.get(baseUrl() + "/portal/login?w=" + ws);
    client.findElement(By.id("email")).sendKeys(world.contact().email());
    client.findElement(By.id("send-link")).click();
    client.get(TestMail.link(TestMail.awaitMailTo(world.contact().email(), "sign-in link")));
    for (var confirm : client.findElements(By.cssSelector("#confirm-form button"))) {
      confirm.click();
      waitFor(client).until(d -> !d.getCurrentUrl().contains("/portal/magic"));
    }
    client.get(baseUrl() + "/portal/projects/" + world.project().id());
    assertThat(client.findElement(By.id("stop-work")).getText())
        .contains("Work on this project is paused until invoice " + view.number());
    PageChecks.check(client, "dunning-06-portal-paused", findings);
    client.findElement(By.linkText("See the invoice and how to pay")).click();
    assertThat(client.findElement(By.cssSelector("ul.reminders")).getText())
        .contains("Reminder 1")
        .contains("Reminder 3, with the demand letter");
    PageChecks.check(client, "dunning-07-portal-invoices", findings);

    assertThat(findings).isEmpty();
  }
}
