package io.tranche.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A freelancer starts from an empty workspace and runs a project from the console alone, and the
 * client follows it in the portal, with no API call: settings, a client and the person there, a
 * project and its first quote, sent; the client, invited by mail, signs it; the vendor
 * countersigns; the client sees the deposit due and reports the transfer; the vendor confirms it.
 * Every page it visits is checked with axe-core (no serious or critical violation) and at 390 px
 * wide (no horizontal scrolling), and kept as screenshots at 1366 and 390 px in {@code
 * target/screenshots/journey-*}.
 */
class JourneyIT extends VendorAndClientIT {
  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.InvoiceDocuments documents;

  private int page;

  @Test
  void aProjectRunsFromTheConsoleAloneAndTheClientFollowsIt() throws Exception {
    World world = fixtures.world("journey"); // a workspace and its owner; the rest is clicked
    realCsrfTokens();

    // the vendor signs in and sets up the business
    vendor.get(baseUrl() + "/login");
    look(vendor, "sign-in");
    vendor.findElement(By.id("email")).sendKeys(world.ownerEmail());
    vendor.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    vendor.findElement(By.id("sign-in")).click();
    waitFor(vendor).until(ExpectedConditions.urlMatches(".*/console$"));
    look(vendor, "console-home");
    vendor.findElement(By.linkText("Settings")).click();
    vendor.findElement(By.id("address")).sendKeys("Hafenweg 3\n20457 Hamburg");
    vendor.findElement(By.id("taxId")).sendKeys("DE123456789");
    vendor.findElement(By.id("bankDetails")).sendKeys("IBAN DE89 3704 0044 0532 0130 00");
    vendor.findElement(By.id("save-settings")).click();
    assertThat(vendor.findElement(By.cssSelector(".saved")).getText()).contains("Settings saved");
    Path logo = logo();
    vendor.findElement(By.id("logo")).sendKeys(logo.toAbsolutePath().toString());
    Chromium.clickAndWait(vendor, By.id("save-logo"));
    assertThat(vendor.findElement(By.cssSelector(".bar img.logo")).isDisplayed()).isTrue();
    Files.deleteIfExists(logo);
    look(vendor, "settings");

    // a client and the person there
    vendor.findElement(By.linkText("Clients")).click();
    vendor.findElement(By.id("add-client")).click();
    assertThat(vendor.findElement(By.id("name-error")).getText()).isEqualTo("Please fill in name.");
    assertThat(vendor.switchTo().activeElement().getAttribute("id")).isEqualTo("name");
    look(vendor, "client-refused");
    vendor.findElement(By.id("name")).sendKeys("Nordlicht GmbH");
    vendor.findElement(By.id("address")).sendKeys("Speicherstadt 1\n20457 Hamburg");
    vendor.findElement(By.id("taxId")).sendKeys("DE999999999");
    vendor.findElement(By.id("add-client")).click();
    vendor.findElement(By.id("contact-name")).sendKeys("Nina Nord");
    String nina = "nina-" + world.tag() + "@client.test";
    vendor.findElement(By.id("contact-email")).sendKeys(nina);
    vendor.findElement(By.id("add-contact")).click();
    look(vendor, "client");

    // a project, and its first quote, sent
    vendor.findElement(By.id("start-project")).click();
    vendor.findElement(By.id("name")).sendKeys("Nordlicht shop");
    assertThat(vendor.findElements(By.cssSelector("#contactIds input[type=checkbox]")))
        .as("only the chosen client's people")
        .hasSize(1);
    vendor.findElement(By.cssSelector("#contactIds input[type=checkbox]")).click();
    look(vendor, "project-new");
    vendor.findElement(By.id("create-project")).click();
    waitFor(vendor).until(ExpectedConditions.presenceOfElementLocated(By.id("quote-editor")));
    vendor
        .findElement(By.id("scope"))
        .sendKeys("An online shop with a catalogue and card payments.");
    vendor.findElement(By.id("timeline")).sendKeys("Six weeks");
    vendor.findElements(By.name("lineDescriptions")).get(0).sendKeys("Web shop, fixed price");
    vendor.findElements(By.name("lineQuantities")).get(0).sendKeys("1");
    vendor.findElements(By.name("linePrices")).get(0).sendKeys("3000.00");
    look(vendor, "quote-editor");
    vendor.findElement(By.id("save-quote")).click();
    waitFor(vendor).until(ExpectedConditions.presenceOfElementLocated(By.id("quote-document")));
    look(vendor, "quote");
    vendor.findElement(By.id("send-quote")).click();
    assertThat(vendor.switchTo().alert().getText()).contains("Send this quote to the client?");
    vendor.switchTo().alert().accept();
    waitFor(vendor).until(ExpectedConditions.invisibilityOfElementLocated(By.id("send-quote")));

    // the invitation lands the client on the project, which says what to do
    vendor.findElement(By.linkText("Clients")).click();
    vendor.findElement(By.linkText("Nordlicht GmbH")).click();
    vendor.findElement(By.cssSelector("#contact-list form.invite button")).click();
    assertThat(vendor.findElement(By.cssSelector(".saved")).getText())
        .contains("Invitation sent to " + nina);
    client.get(TestMail.link(TestMail.awaitMailTo(nina, "invites you to Nordlicht shop")));
    look(client, "magic-confirm");
    client.findElement(By.id("confirm")).click();
    waitFor(client).until(ExpectedConditions.presenceOfElementLocated(By.id("next-step")));
    assertThat(client.findElement(By.id("next-step")).getText())
        .contains("Read the quote and sign it");
    look(client, "portal-project-quote-waiting");
    client.findElement(By.linkText("Read and sign the quote")).click();
    client.findElement(By.linkText("Version 1")).click();
    look(client, "portal-quote");
    client.findElement(By.id("typedName")).sendKeys("Nina Nord");
    client.findElement(By.id("consent")).click();
    client.findElement(By.id("sign")).click();
    waitFor(client).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-notice")));
    assertThat(client.findElement(By.id("next-step")).getText())
        .as("signing leads straight back to the project, which says what comes next")
        .contains("countersigns next; then the deposit invoice appears here");
    look(client, "portal-project-signed");

    // the vendor's home says a contract waits for the countersignature
    vendor.findElement(By.linkText("Projects")).click();
    assertThat(vendor.findElement(By.id("attention")).getText())
        .contains("Countersign the contract for Nordlicht shop");
    look(vendor, "console-home-attention");
    vendor.findElement(By.partialLinkText("Countersign the contract")).click();
    assertThat(vendor.findElement(By.tagName("h1")).getText())
        .as("the vendor reads whose signature is missing: theirs")
        .contains("waiting for your countersignature");
    vendor.findElement(By.id("typedName")).sendKeys("Dana Vendor");
    vendor.findElement(By.cssSelector("#countersign-form input[name=consent]")).click();
    look(vendor, "contract");
    vendor.findElement(By.cssSelector("#countersign-form button")).click();
    waitFor(vendor).until(ExpectedConditions.presenceOfElementLocated(By.id("contract-pdf")));

    // the client sees the deposit due, how to pay, and reports the transfer
    client.get(baseUrl() + "/portal");
    look(client, "portal-home");
    client.findElement(By.linkText("Nordlicht shop")).click();
    String due = client.findElement(By.id("due")).getText();
    assertThat(due).contains("1000.00 EUR").contains("IBAN DE89 3704 0044 0532 0130 00");
    assertThat(client.findElement(By.id("next-step")).getText()).contains("Pay 1000.00 EUR");
    look(client, "portal-project-deposit-due");
    client.findElement(By.partialLinkText("Tell us on the invoices page")).click();
    client.executeScript(
        "arguments[0].value = arguments[1]",
        client.findElement(By.cssSelector(".report-payment input[name=paidOn]")),
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString());
    look(client, "portal-invoices");
    client.findElement(By.cssSelector(".report-payment button")).click();
    waitFor(client).until(ExpectedConditions.presenceOfElementLocated(By.id("reported")));

    // the vendor confirms it from the home's list; the client then owes nothing
    vendor.findElement(By.linkText("Projects")).click();
    vendor.findElement(By.partialLinkText("Confirm the transfer")).click();
    look(vendor, "console-invoices");
    confirmArrival(vendor);
    client.findElement(By.linkText("Milestones")).click();
    client.navigate().refresh();
    assertThat(client.findElement(By.id("owed")).getText()).contains("You owe nothing");
    look(client, "portal-project-deposit-paid");

    // the vendor starts the prototype, uploads its build and submits it for review
    vendor.findElement(By.linkText("Projects")).click();
    vendor.findElement(By.linkText("Nordlicht shop")).click();
    look(vendor, "console-project");
    String project = vendor.getCurrentUrl().replace("/console/", "/portal/");
    Chromium.clickAndWait(
        vendor, By.xpath("//tr[.//span[text()='Prototype']]//button[text()='start']"));
    Path build = Files.createTempFile("nordlicht-prototype", ".zip");
    Files.write(
        build, "the prototype".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    upload(vendor, "Prototype", build);
    // and a preview the client can try before deciding
    Path site = Files.createTempFile("nordlicht-site", ".zip");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(site))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("index.html"));
      zip.write(
          ("<!DOCTYPE html><html lang=\"en\"><head><title>Nordlicht shop</title>"
                  + "<link rel=\"stylesheet\" href=\"css/site.css\"></head><body>"
                  + "<main><h1>Nordlicht shop</h1><p>Catalogue and basket.</p>"
                  + "<img id=\"logo\" src=\"img/logo.png\" alt=\"Nordlicht\"></main></body></html>")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("css/site.css"));
      zip.write("h1{color:rgb(0, 0, 128)}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("img/logo.png"));
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
          "png",
          zip);
      zip.closeEntry();
    }
    String previewForm =
        "//section[contains(@class,'milestone-deliverables')][.//*[text()='Prototype']]"
            + "//form[contains(@class,'preview-upload')]";
    vendor
        .findElement(By.xpath(previewForm + "//input[@type='file']"))
        .sendKeys(site.toAbsolutePath().toString());
    vendor.findElement(By.xpath(previewForm + "//input[@name='name']")).sendKeys("Shop prototype");
    Chromium.clickAndWait(vendor, By.xpath(previewForm + "//button"));
    assertThat(vendor.findElement(By.linkText("Shop prototype")).isDisplayed()).isTrue();
    Files.deleteIfExists(site);
    look(vendor, "console-deliverables");
    vendor.findElement(By.linkText("Milestones")).click();
    Chromium.clickAndWait(
        vendor, By.xpath("//tr[.//span[text()='Prototype']]//button[text()='submit']"));

    // the client reviews it and asks for changes; the vendor sees why and delivers again
    client.findElement(By.linkText("Milestones")).click();
    assertThat(client.findElement(By.id("next-step")).getText())
        .contains("Review Prototype: accept it, or ask for changes.");
    client.findElement(By.linkText("Review the delivery")).click();
    assertThat(client.findElement(By.id("deliverables")).getText())
        .contains(build.getFileName().toString())
        .doesNotContainPattern("[0-9a-f]{64}");
    look(client, "portal-review");
    client.findElement(By.id("comment")).sendKeys("Please make the basket button larger.");
    Chromium.clickAndWait(client, By.cssSelector("#changes-form button"));
    assertThat(client.findElement(By.id("changes-notice")).getText())
        .contains("You asked for changes");
    look(client, "portal-changes-asked");
    vendor.navigate().refresh();
    assertThat(vendor.findElement(By.cssSelector(".change-reason")).getText())
        .contains("Please make the basket button larger.");
    look(vendor, "console-project-changes");
    Chromium.clickAndWait(
        vendor, By.xpath("//tr[.//span[text()='Prototype']]//button[text()='submit']"));

    // now the client tries the preview (their name is on it), then accepts; its invoice is due,
    // and paying it unlocks the build
    client.get(project);
    client.findElement(By.linkText("Review the delivery")).click();
    String review = client.getCurrentUrl();
    assertThat(client.findElements(By.id("no-preview")))
        .as("a delivery with a preview does not say there is none")
        .isEmpty();
    client.get(client.findElement(By.cssSelector("a.preview-link")).getAttribute("href"));
    assertThat(client.findElement(By.tagName("h1")).getText()).isEqualTo("Nordlicht shop");
    assertThat(client.findElement(By.cssSelector("[data-tranche-watermark]")).getText())
        .contains("Preview for " + nina);
    // the sandboxed page sends no session cookie: its stylesheet and image load through the pass
    waitFor(client)
        .until(
            d ->
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                        "const i = document.getElementById('logo');"
                            + " return i.complete && i.naturalWidth === 40"
                            + " && getComputedStyle(document.querySelector('h1')).color"
                            + " === 'rgb(0, 0, 128)';")
                    .equals(Boolean.TRUE));
    assertThat(client.getCurrentUrl()).contains("/preview/pp_");
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    shot(client, shots.resolve(String.format("journey-%02d-portal-preview-1366.png", ++page)));
    client.get(review);
    client.findElement(By.id("typedName")).sendKeys("Nina Nord");
    client.findElement(By.id("consent")).click();
    look(client, "portal-acceptance");
    client.findElement(By.id("sign")).click();
    waitFor(client).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-notice")));
    client.get(project);
    assertThat(client.findElement(By.id("due")).getText())
        .contains("1000.00 EUR")
        .contains("Paying it unlocks " + build.getFileName());
    look(client, "portal-project-prototype-due");
    client.findElement(By.linkText("Deliverables")).click();
    assertThat(client.findElement(By.tagName("main")).getText()).contains("Sealed until invoice");
    look(client, "portal-deliverables");

    // paid by transfer and confirmed: the prototype is released to the client
    payByTransfer(project);
    client.findElement(By.linkText("Deliverables")).click();
    assertThat(client.findElement(By.tagName("main")).getText()).contains("Ready to download");
    look(client, "portal-deliverables-released");
    client.findElement(By.cssSelector(".check-yourself summary")).click();
    client.findElement(By.linkText("Show the key")).click();
    look(client, "portal-key");

    // the final delivery: started, uploaded, submitted, accepted, paid, released
    vendor.get(project.replace("/portal/", "/console/"));
    Chromium.clickAndWait(
        vendor, By.xpath("//tr[.//span[text()='Final delivery']]//button[text()='start']"));
    Path last = Files.createTempFile("nordlicht-final", ".zip");
    Files.write(last, "the shop".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    upload(vendor, "Final delivery", last);
    vendor.findElement(By.linkText("Milestones")).click();
    Chromium.clickAndWait(
        vendor, By.xpath("//tr[.//span[text()='Final delivery']]//button[text()='submit']"));
    client.get(project);
    client.findElement(By.linkText("Review the delivery")).click();
    client.findElement(By.id("typedName")).sendKeys("Nina Nord");
    client.findElement(By.id("consent")).click();
    Chromium.clickAndWait(client, By.id("sign"));
    client.get(project);
    assertThat(client.findElement(By.id("due")).getText())
        .contains("Paying it unlocks " + last.getFileName());
    payByTransfer(project);
    client.findElement(By.linkText("Deliverables")).click();
    assertThat(client.findElement(By.tagName("main")).getText())
        .doesNotContain("Sealed until invoice");

    // the client signs the project off; the modification window opens
    client.get(project);
    assertThat(client.findElement(By.id("next-step")).getText()).containsIgnoringCase("sign off");
    look(client, "portal-project-sign-off");
    client.findElement(By.cssSelector("#next-step a.button")).click();
    client.findElement(By.id("typedName")).sendKeys("Nina Nord");
    client.findElement(By.id("consent")).click();
    look(client, "portal-sign-off");
    Chromium.clickAndWait(client, By.id("sign"));
    // the final part's page says which signature is which, with its time zone
    assertThat(client.findElement(By.id("signatures")).getText())
        .containsPattern("Accepted the delivery: Nina Nord, \\d+ \\w{3} \\d{4}, \\d{2}:\\d{2} \\S+")
        .containsPattern("Signed off the project: Nina Nord, \\d+ \\w{3} \\d{4}");
    client.get(project);
    look(client, "portal-project-signed-off");
    assertThat(client.findElements(By.linkText("Sign off")))
        .as("a project signed off offers no second sign-off")
        .isEmpty();
    client.findElement(By.linkText("Modifications")).click();
    look(client, "portal-modifications");
    for (String tab : List.of("Messages", "Meetings", "Quotes & contract", "Invoices")) {
      client.findElement(By.cssSelector("nav.tabs")).findElement(By.linkText(tab)).click();
      if (tab.equals("Messages")) {
        // a long address pasted into a message wraps inside it, at 390 px too
        client
            .findElement(By.id("body"))
            .sendKeys(
                "The staging copy: https://staging.nordlicht.example/"
                    + "a".repeat(300)
                    + "?session=0123456789abcdef");
        Chromium.clickAndWait(client, By.id("send-message"));
      }
      look(client, "portal-" + tab.toLowerCase().replaceAll("[^a-z]+", "-"));
    }
    vendor.get(project.replace("/portal/", "/console/"));
    assertThat(vendor.findElement(By.id("window")).getText()).contains("Signed off");
    look(vendor, "console-project-signed-off");
    for (String tab : List.of("Messages", "Meetings", "Modifications", "Invoices")) {
      vendor.findElement(By.cssSelector("nav.tabs")).findElement(By.linkText(tab)).click();
      assertThat(vendor.findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText())
          .isEqualTo(tab);
      look(vendor, "console-" + tab.toLowerCase());
    }
    for (String tab : List.of("Invoices", "Mailbox", "API tokens")) {
      vendor.findElement(By.cssSelector(".bar nav")).findElement(By.linkText(tab)).click();
      assertThat(vendor.findElement(By.cssSelector(".bar a[aria-current=page]")).getText())
          .isEqualTo(tab);
      look(vendor, "console-all-" + tab.toLowerCase().replace(' ', '-'));
    }
    Files.deleteIfExists(build);
    Files.deleteIfExists(last);

    keepInvoicePdf(world);
    assertThat(findings).as("accessibility and width on every page").isEmpty();
  }

  /** A small logo, as a freelancer would upload one. */
  private static Path logo() throws Exception {
    var image =
        new java.awt.image.BufferedImage(360, 120, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    g.setColor(new java.awt.Color(0x24, 0x56, 0xd6));
    g.fillRoundRect(0, 0, 120, 120, 30, 30);
    g.setColor(java.awt.Color.WHITE);
    g.fillOval(30, 30, 60, 60);
    g.setColor(new java.awt.Color(0x1d, 0x23, 0x30));
    g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 44));
    g.drawString("Studio", 140, 78);
    g.dispose();
    Path file = Files.createTempFile("studio-logo", ".png");
    javax.imageio.ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** The client reports a transfer of what is due; the vendor confirms it from the home's list. */
  private void payByTransfer(String project) {
    client.get(project);
    client.findElement(By.partialLinkText("Tell us on the invoices page")).click();
    client.executeScript(
        "arguments[0].value = arguments[1]",
        client.findElement(By.cssSelector(".report-payment input[name=paidOn]")),
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString());
    Chromium.clickAndWait(client, By.cssSelector(".report-payment button"));
    vendor.findElement(By.linkText("Projects")).click();
    vendor.findElement(By.partialLinkText("Confirm the transfer")).click();
    confirmArrival(vendor);
    client.get(project);
    assertThat(client.findElement(By.id("owed")).getText()).contains("You owe nothing");
  }

  /**
   * The vendor uploads a file to a part from the Deliverables tab and waits for it to be sealed.
   */
  private void upload(ChromeDriver browser, String partName, Path file) {
    browser.findElement(By.linkText("Deliverables")).click();
    WebElement part =
        browser.findElement(
            By.xpath(
                "//section[contains(@class,'milestone-deliverables')][.//*[text()='"
                    + partName
                    + "']]"));
    part.findElement(By.cssSelector("input.upload-file"))
        .sendKeys(file.toAbsolutePath().toString());
    part.findElement(By.cssSelector(".upload-button")).click();
    // the page reloads once the upload is sealed; wait for the file in the reloaded list
    String uploaded = file.getFileName().toString();
    waitFor(browser)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                d.findElements(By.cssSelector(".artifact-name")).stream()
                    .anyMatch(e -> e.getText().equals(uploaded)));
  }

  /** The deposit invoice's first page as a picture, beside the pages' screenshots. */
  private void keepInvoicePdf(World world) throws Exception {
    java.util.UUID invoice =
        jdbc.sql(
                "select id from invoice where workspace_id = ? and number is not null"
                    + " order by created_at desc limit 1")
            .param(world.owner().workspaceId())
            .query(java.util.UUID.class)
            .single();
    var pdf = documents.invoicePdf(world.owner(), invoice);
    byte[] bytes;
    try (var in = pdf.content()) {
      bytes = in.readAllBytes();
    }
    try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text).contains("Nordlicht GmbH").contains("DE999999999").contains("DE123456789");
      var image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110);
      javax.imageio.ImageIO.write(
          image,
          "png",
          Files.createDirectories(Path.of("target", "screenshots"))
              .resolve("journey-invoice-pdf.png")
              .toFile());
    }
  }

  /** Checks the page a browser shows with axe-core and at 390 px, and keeps screenshots. */
  private void look(ChromeDriver browser, String name) throws Exception {
    PageChecks.check(browser, String.format("journey-%02d-%s", ++page, name), findings);
  }

  private static void shot(ChromeDriver browser, Path to) throws Exception {
    PageChecks.shot(browser, to);
  }

  /** The vendor confirms the reported transfer on the invoices page: it asks first, saying so. */
  private void confirmArrival(ChromeDriver vendor) {
    var button = vendor.findElement(By.cssSelector("form[action*='/confirm'] button"));
    button.click();
    assertThat(vendor.switchTo().alert().getText())
        .contains("arrive on your account")
        .contains("the client is mailed a receipt");
    vendor.switchTo().alert().accept();
    waitFor(vendor).until(ExpectedConditions.stalenessOf(button));
  }
}
