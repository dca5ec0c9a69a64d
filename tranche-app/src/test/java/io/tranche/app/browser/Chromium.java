package io.tranche.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with the flags a root sandbox and a
 * closed network need, and a fresh profile each time.
 */
final class Chromium {
  static final Path BROWSER =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** A new headless browser; skips the test on a machine without Chromium, except in CI. */
  static ChromeDriver start() throws Exception {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
    }
    Path profile = Files.createTempDirectory("tranche-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Clicks what submits a form and waits until the next page has replaced this one. */
  static void clickAndWait(ChromeDriver browser, By what) {
    org.openqa.selenium.WebElement element = browser.findElement(what);
    element.click();
    // gone from the page: stale, or (when asked mid-navigation) no longer in the document
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                element.isEnabled();
                return false;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
              } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return true;
                }
                throw e;
              }
            });
  }
}
