package io.tranche.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End-to-end tests in real headless Chromium against the running server. A failing test leaves a
 * screenshot in {@code target/screenshots/}.
 */
class BrowserIT extends IntegrationTest {
  @Autowired QuoteService quotes;
  @Autowired io.tranche.app.invoice.InvoiceService invoices;
  @Autowired io.tranche.app.project.MilestoneService milestones;
  private ChromeDriver browser;

  /** Runs before {@code @AfterEach}, while the browser still shows the failing page. */
  @RegisterExtension
  final AfterTestExecutionCallback screenshots =
      context -> {
        if (browser == null || context.getExecutionException().isEmpty()) {
          return;
        }
        try {
          Path dir = Files.createDirectories(Path.of("target", "screenshots"));
          Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
          Files.copy(
              shot,
              dir.resolve(context.getRequiredTestMethod().getName() + ".png"),
              StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
          context.getExecutionException().get().addSuppressed(e);
        }
      };

  @BeforeEach
  void open(TestInfo info) throws Exception {
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aNewProjectOffersTheChosenClientsPeopleAndAYenQuoteCountsWholeYen() {
    World world = fixtures.world("browser-new");
    World other = fixtures.sibling(world, "browser-other");
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("email")).sendKeys(world.ownerEmail());
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/console$"));

    browser.get(baseUrl() + "/console/projects/new");
    assertThat(visibleContacts()).as("no client chosen yet").isEmpty();
    org.openqa.selenium.support.ui.Select client =
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("clientId")));
    client.selectByValue(world.client().id().toString());
    assertThat(visibleContacts()).containsExactly(world.contact().id().toString());
    browser.findElement(By.id("contact-" + world.contact().id())).click();
    client.selectByValue(other.client().id().toString());
    assertThat(visibleContacts()).containsExactly(other.contact().id().toString());
    assertThat(browser.findElement(By.id("contact-" + world.contact().id())).isSelected())
        .as("a tick for another client's person is taken back")
        .isFalse();

    browser.findElement(By.id("name")).sendKeys("Tokyo app");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("currency")))
        .selectByValue("JPY");
    browser.findElement(By.id("create-project")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("quote-editor")));
    browser.findElements(By.name("linePrices")).get(0).sendKeys("100000");
    browser.findElement(By.id("taxPercent")).sendKeys("10");
    assertThat(browser.findElement(By.id("live-gross")).getText()).isEqualTo("110000");
    assertThat(browser.findElements(By.cssSelector(".part-amount")).get(0).getText())
        .isEqualTo("36667");
    browser.findElements(By.name("linePrices")).get(0).sendKeys(".5");
    assertThat(browser.findElements(By.cssSelector(".line-total")).get(0).getText())
        .as("yen have no decimals")
        .isEqualTo("?");
  }

  /** The ids of the contacts the new-project form shows. */
  private List<String> visibleContacts() {
    return browser.findElements(By.cssSelector("#contactIds input[type=checkbox]")).stream()
        .filter(WebElement::isDisplayed)
        .map(e -> e.getAttribute("value"))
        .toList();
  }

  @Test
  void vendorSignsInAndSeesTheProjectsMilestonesThenTheClientSeesOnlyTheirProject() {
    World world = fixtures.world("browser");
    World neighbour = fixtures.sibling(world, "neighbour");

    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("email")).sendKeys(world.ownerEmail());
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/console$"));
    browser.findElement(By.linkText(world.project().name())).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("milestones")));
    assertThat(texts(By.cssSelector("#milestones .milestone-name")))
        .containsExactly("Deposit", "Prototype", "Final delivery");
    assertThat(browser.findElement(By.id("project-name")).getText())
        .isEqualTo(world.project().name());

    browser.manage().deleteAllCookies();
    browser.get(baseUrl() + "/portal/login");
    browser.findElement(By.id("email")).sendKeys(world.contact().email());
    browser.findElement(By.id("send-link")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("link-sent")));
    browser.get(TestMail.link(TestMail.awaitMailTo(world.contact().email(), "sign-in link")));
    browser.findElement(By.id("confirm")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/portal$"));

    assertThat(texts(By.cssSelector("#projects li > div > a:first-child")))
        .containsExactly(world.project().name());
    assertThat(browser.getPageSource()).doesNotContain(neighbour.project().name());
    browser.findElement(By.linkText(world.project().name())).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("milestones")));
    assertThat(texts(By.cssSelector("#milestones .milestone-name")))
        .containsExactly("Deposit", "Prototype", "Final delivery");

    browser.get(baseUrl() + "/portal/projects/" + neighbour.project().id());
    assertThat(browser.getPageSource()).doesNotContain(neighbour.project().name());
  }

  @Test
  void clientSignsAQuoteAndTheVendorCountersignsInTheBrowser() {
    World world = fixtures.world("signing");
    QuoteView quote =
        quotes.create(world.owner(), world.project().id(), Fixtures.quoteContent(world.tag()));
    quotes.send(world.owner(), quote.id());

    signInAsClient(world);
    browser.findElement(By.linkText(world.project().name())).click();
    assertThat(browser.findElement(By.id("timeline")).getText())
        .as("the contract's own parts, by name")
        .contains("Quote and contract", "Deposit", "Prototype", "Final delivery")
        .contains("A quote waits for your signature")
        .doesNotContain("PLANNED", "CONTRACT_SIGNED");
    assertThat(browser.findElement(By.id("next-step")).getText())
        .contains("Read the quote and sign it");
    assertThat(browser.findElement(By.id("owed")).getText()).contains("You owe nothing");
    browser.findElement(By.linkText("Read and sign the quote")).click();
    browser.findElement(By.linkText("Version 1")).click();
    assertThat(browser.findElement(By.id("quote-document")).getText())
        .contains("Scope of " + world.tag());
    browser.findElement(By.id("sign")).click();
    assertThat(browser.findElement(By.id("typedName-error")).getText())
        .isEqualTo("Please fill in your full name.");
    browser.findElement(By.id("typedName")).sendKeys("Chris Client");
    // the refused page already showed the consent error: wait for the next one to replace it
    Chromium.clickAndWait(browser, By.id("sign"));
    assertThat(browser.findElement(By.id("consent-error")).getText()).contains("consent");
    assertThat(browser.findElements(By.id("typedName-error"))).as("the name was given").isEmpty();
    browser.findElement(By.id("typedName")).clear();
    browser.findElement(By.id("typedName")).sendKeys("Chris Client");
    browser.findElement(By.id("consent")).click();
    browser.findElement(By.id("sign")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-notice")));

    browser.manage().deleteAllCookies();
    signInAsVendor(world);
    browser.get(baseUrl() + "/console/projects/" + world.project().id() + "/quotes");
    browser.findElement(By.cssSelector("#contracts a")).click();
    browser.findElement(By.id("typedName")).sendKeys("Dana Vendor");
    browser.findElement(By.cssSelector("#countersign-form input[name=consent]")).click();
    browser.findElement(By.cssSelector("#countersign-form button")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("contract-pdf")));
    assertThat(texts(By.cssSelector("table.list td:first-child"))).contains("client", "vendor");
  }

  @Test
  void aQuoteWithLongLinesAndLargeAmountsReadsWholeOnAPhone() throws Exception {
    World world = fixtures.world("wide-quote");
    io.tranche.core.money.Money price = io.tranche.core.money.Money.parse("123456.78", "EUR");
    var content =
        new io.tranche.core.contract.QuoteContent(
            "Scope of " + world.tag(),
            "Twelve weeks",
            List.of(
                new io.tranche.core.contract.QuoteLine(
                    "Responsive web shop with a catalogue of four hundred products and checkout",
                    12,
                    price)),
            0,
            io.tranche.core.milestone.PaymentPlan.thirds(
                io.tranche.core.money.Money.parse("1481481.36", "EUR")),
            java.time.LocalDate.now().plusMonths(2),
            new io.tranche.core.contract.QuoteTerms(
                7, 7, io.tranche.core.money.Money.of(0, "EUR")));
    QuoteView quote = quotes.create(world.owner(), world.project().id(), content);
    quotes.send(world.owner(), quote.id());

    signInAsClient(world);
    browser.get(baseUrl() + "/portal/quotes/" + quote.id());
    List<String> findings = new java.util.ArrayList<>();
    PageChecks.check(browser, "wide-quote", findings);
    assertThat(findings).isEmpty();
    assertThat(browser.findElement(By.id("quote-gross")).getText()).isEqualTo("1481481.36 EUR");
  }

  @Test
  void recordingAPaymentAsksWithTheAmountAsTypedAndATypoIsRefusedNextToIt() {
    World world = fixtures.world("record-typo");
    fixtures.signedContract(world);
    signInAsVendor(world);
    browser.get(baseUrl() + "/console/projects/" + world.project().id() + "/invoices");
    browser.findElement(By.cssSelector(".record-payment-form summary")).click();
    WebElement amount = browser.findElement(By.cssSelector(".record-payment input[name=amount]"));
    amount.sendKeys("5000");
    browser.findElement(By.cssSelector(".record-payment button")).click();
    // the question names the amount as typed: a 5000 meant as 500 is caught here
    assertThat(browser.switchTo().alert().getText())
        .startsWith("Record 5000 EUR on invoice ")
        .contains("cannot be undone");
    browser.switchTo().alert().dismiss();
    assertThat(
            jdbc.sql("select count(*) from payment where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("a question answered no records nothing")
        .isZero();
    amount.clear();
    amount.sendKeys("12,3,4");
    browser.findElement(By.cssSelector(".record-payment button")).click();
    browser.switchTo().alert().accept();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("pay-error")));
    assertThat(browser.findElement(By.id("pay-error")).getText())
        .isEqualTo("Write the amount like 1234.50 ('12,3,4' is not an amount).");
    assertThat(
            jdbc.sql("select count(*) from payment where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("a typo is never read as another amount")
        .isZero();
  }

  @Test
  void vendorDraftsAQuoteWithLiveTotals() {
    World world = fixtures.world("editor");
    signInAsVendor(world);
    browser.get(baseUrl() + "/console/projects/" + world.project().id() + "/quotes");
    browser.findElement(By.id("new-quote")).click();
    browser.findElement(By.id("scope")).sendKeys("A shop");
    browser.findElement(By.id("timeline")).sendKeys("Five weeks");
    browser.findElements(By.name("lineDescriptions")).get(0).sendKeys("Build");
    browser.findElements(By.name("lineQuantities")).get(0).sendKeys("2");
    browser.findElements(By.name("linePrices")).get(0).sendKeys("1000.00");
    browser.findElement(By.id("taxPercent")).clear();
    browser.findElement(By.id("taxPercent")).sendKeys("19");
    assertThat(browser.findElement(By.id("live-net")).getText()).isEqualTo("2000.00");
    assertThat(browser.findElement(By.id("live-gross")).getText()).isEqualTo("2380.00");
    assertThat(texts(By.cssSelector("#plan .part-amount")))
        .startsWith("793.34", "793.33", "793.33");
    browser.findElement(By.id("save-quote")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("quote-document")));
    assertThat(browser.findElement(By.id("quote-gross")).getText()).isEqualTo("2380.00 EUR");
  }

  @Test
  void clientSeesHowToPayAndReportsABankTransfer() {
    World world = fixtures.world("paying");
    invoices.issueManual(
        world.owner(),
        world.project().id(),
        java.util.List.of(
            new io.tranche.core.invoice.InvoiceLine(
                "Deposit", 1, io.tranche.core.money.Money.parse("100.00", "EUR"), 0)));
    signInAsClient(world);
    browser.get(baseUrl() + "/portal/projects/" + world.project().id() + "/invoices");
    assertThat(browser.findElement(By.id("invoices")).getText()).contains("100.00 EUR");
    assertThat(browser.findElement(By.id("payment-instructions")).getText())
        .contains("Bank transfer");
    assertThat(browser.findElements(By.cssSelector("button.pay"))).isNotEmpty();
    browser.executeScript(
        "arguments[0].value = '2026-11-26'",
        browser.findElement(By.cssSelector(".report-payment input[name=paidOn]")));
    browser.findElement(By.cssSelector(".report-payment button")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reported")));
  }

  @Test
  void vendorUploadsABuildWithProgressAndTheClientSeesItsReceipt() throws Exception {
    World world = fixtures.world("deliver");
    var milestone = world.milestones().get(2).id();
    milestones.transition(
        world.owner(), milestone, io.tranche.core.milestone.MilestoneAction.START);
    Path build = Files.createTempFile("build-" + world.tag(), ".zip");
    byte[] bytes = new byte[3 * 1024 * 1024];
    new java.util.Random(3).nextBytes(bytes);
    Files.write(build, bytes);

    signInAsVendor(world);
    browser.get(baseUrl() + "/console/projects/" + world.project().id() + "/deliverables");
    assertThat(browser.findElement(By.id("milestone-" + milestone)).getText())
        .as("an empty part says what to do next")
        .contains("No file yet: upload a build below");
    browser.findElement(By.id("file-" + milestone)).sendKeys(build.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#milestone-" + milestone + " .upload-button")).click();
    // the page reloads once the upload is sealed: an element may go stale while it is looked at
    waitFor()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                d.findElements(By.cssSelector(".artifact-name")).stream()
                    .anyMatch(e -> e.getText().equals(build.getFileName().toString())));
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-notice")));
    assertThat(browser.findElement(By.id("upload-notice")).getText())
        .contains("Sealed " + build.getFileName())
        .contains(bytes.length + " bytes")
        .contains("100% shown");
    assertThat(texts(By.cssSelector(".artifact-name"))).contains(build.getFileName().toString());
    keep("console-deliverables");

    milestones.transition(
        world.owner(), milestone, io.tranche.core.milestone.MilestoneAction.SUBMIT);
    signInAsClient(world);
    browser.get(baseUrl() + "/portal/projects/" + world.project().id() + "/deliverables");
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page)
        .contains(build.getFileName().toString())
        .contains("3.0 MiB")
        .contains("Sealed until this part is accepted and paid")
        .contains("Check it yourself")
        .as("hashes and commands wait, collapsed, under 'Check it yourself'")
        .doesNotContain("SHA-256", "tranche-cli", "Key commitment");
    browser.findElement(By.cssSelector(".check-yourself summary")).click();
    assertThat(browser.findElement(By.cssSelector(".check-yourself")).getText())
        .contains("SHA-256", "tranche-cli verify-receipt", String.valueOf(bytes.length));
    assertThat(browser.findElements(By.cssSelector("a.receipt-link"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("button.ciphertext"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("a.key-link"))).isEmpty();
    keep("portal-deliverables");
    Files.deleteIfExists(build);
  }

  /** Saves what the browser shows to {@code target/screenshots/<name>.png}, for a look. */
  private void keep(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private void signInAsVendor(World world) {
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("email")).sendKeys(world.ownerEmail());
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/console$"));
  }

  private void signInAsClient(World world) {
    browser.get(baseUrl() + "/portal/login");
    browser.findElement(By.id("email")).sendKeys(world.contact().email());
    browser.findElement(By.id("send-link")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("link-sent")));
    browser.get(TestMail.link(TestMail.awaitMailTo(world.contact().email(), "sign-in link")));
    browser.findElement(By.id("confirm")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/portal$"));
  }

  @Test
  void aLongBusinessNameIsCutShortAndTheBarsLinksNeverBreak() throws Exception {
    World world = fixtures.world("long-name");
    String name = "Nordlicht Digitalagentur für Webentwicklung und Gestaltung GmbH & Co. KG";
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                    "/api/v1/settings")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content("{\"name\":\"" + name + "\"}"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("email")).sendKeys(world.ownerEmail());
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/console$"));

    WebElement workspace = browser.findElement(By.cssSelector("header.bar .workspace"));
    assertThat(workspace.getDomAttribute("title")).isEqualTo(name);
    int line = browser.findElement(By.linkText("Projects")).getRect().getHeight();
    // at 1366 px the bar is one row: the name is cut, not wrapped
    assertThat(workspace.getRect().getHeight()).isLessThanOrEqualTo(line + 2);
    assertThat(browser.findElement(By.cssSelector("header.bar")).getRect().getHeight())
        .isLessThan(3 * line);
    // narrower, the bar may take two rows, but "API tokens" and "Sign out" stay whole
    for (int width : new int[] {1366, 1024, 800}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      for (WebElement link : browser.findElements(By.cssSelector("header.bar nav a"))) {
        assertThat(link.getRect().getHeight())
            .as(link.getText() + " at " + width)
            .isLessThanOrEqualTo(line + 2);
      }
      WebElement signOut = browser.findElement(By.cssSelector("header.bar .signout button"));
      assertThat(signOut.getRect().getHeight()).as("Sign out at " + width).isLessThan(2 * line + 4);
    }
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private List<String> texts(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).toList();
  }
}
