package io.tranche.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end tests in real headless Chromium against the running server. A failing test leaves a
 * screenshot in {@code target/screenshots/}.
 */
class BrowserIT extends IntegrationTest {
  private ChromeDriver browser;

  @RegisterExtension
  final TestWatcher screenshots =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser == null) {
            return;
          }
          try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(
                shot,
                dir.resolve(context.getDisplayName().replaceAll("\\W+", "_") + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
          } catch (Exception e) {
            cause.addSuppressed(e);
          } finally {
            browser.quit();
            browser = null;
          }
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
    browser.get(TestMail.link(TestMail.awaitMailTo(world.contact().email())));
    browser.findElement(By.id("confirm")).click();
    waitFor().until(ExpectedConditions.urlMatches(".*/portal$"));

    assertThat(texts(By.cssSelector("#projects a"))).containsExactly(world.project().name());
    assertThat(browser.getPageSource()).doesNotContain(neighbour.project().name());
    browser.findElement(By.linkText(world.project().name())).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("milestones")));
    assertThat(texts(By.cssSelector("#milestones .milestone-name")))
        .containsExactly("Deposit", "Prototype", "Final delivery");

    browser.get(baseUrl() + "/portal/projects/" + neighbour.project().id());
    assertThat(browser.getPageSource()).doesNotContain(neighbour.project().name());
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private List<String> texts(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).toList();
  }
}
