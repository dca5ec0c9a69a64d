package io.tranche.app.browser;

import io.tranche.app.support.Fixtures;
import io.tranche.app.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests that follow both sides: a headless Chromium for the vendor and one for
 * the client (so their sessions never mix), the page checks' findings, and the vendor's sign-in.
 */
abstract class VendorAndClientIT extends IntegrationTest {
  protected ChromeDriver vendor;
  protected ChromeDriver client;
  protected final List<String> findings = new ArrayList<>();

  @BeforeEach
  void openBrowsers() throws Exception {
    vendor = Chromium.start();
    client = Chromium.start();
  }

  @AfterEach
  void closeBrowsers() {
    for (ChromeDriver d : new ChromeDriver[] {vendor, client}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  /** Signs the vendor in with the fixtures' password and waits for the console's home. */
  protected void signInVendor(String email) {
    vendor.get(baseUrl() + "/login");
    vendor.findElement(By.id("email")).sendKeys(email);
    vendor.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    vendor.findElement(By.id("sign-in")).click();
    waitFor(vendor).until(ExpectedConditions.urlMatches(".*/console$"));
  }

  protected static WebDriverWait waitFor(ChromeDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
