package io.tranche.app.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every page a browser test visits is held to: no serious or critical axe-core violation (WCAG
 * 2.2 AA), no horizontal scrolling at 390 px; screenshots at 1366 and 390 px are kept in {@code
 * target/screenshots/}.
 */
final class PageChecks {
  private PageChecks() {}

  /**
   * Text a person should never read on a page, outside code (commands, hashes): enum names
   * (PARTIALLY_PAID), ISO timestamps (2026-12-01T02:40:34.321553Z), a "null".
   */
  private static final String CODE_WORDS =
      """
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('code, pre, script, style, [hidden]').forEach(e => e.remove());
      const text = copy.textContent;
      const found = [];
      for (const pattern of [/\\b[A-Z]{2,}_[A-Z_]{2,}\\b/g, /\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}/g,
                             /\\bnull\\b/g]) {
        for (const m of text.matchAll(pattern)) found.push(m[0]);
      }
      return [...new Set(found)].slice(0, 12);
      """;

  /**
   * On a client's page (but the key's own page): hashes, fingerprints and commands outside a
   * collapsed section ("Check it yourself"), where a client reads plain words.
   */
  private static final String CLIENT_CODE =
      """
      if (!document.querySelector('header.portal') || document.getElementById('key')) return [];
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('details, script, style, [hidden]').forEach(e => e.remove());
      const text = copy.textContent;
      const found = [];
      for (const pattern of [/SHA-256/g, /\\b[0-9a-f]{64}\\b/g, /tranche-cli/g,
                             /\\b(?:[0-9a-f]{2}:){7,}[0-9a-f]{2}\\b/gi]) {
        for (const m of text.matchAll(pattern)) found.push(m[0].slice(0, 16));
      }
      return [...new Set(found)];
      """;

  /**
   * The words of table cells that a narrow table broke in the middle ("Deposi / t"), which a table
   * does when a cell lets any word break ({@code overflow-wrap: anywhere}) rather than widen or
   * scroll. Code (hashes, commands) may break anywhere and is left out.
   */
  private static final String BROKEN_WORDS =
      """
      const broken = [];
      for (const cell of document.querySelectorAll('td, th')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode()); ) {
          if (node.parentElement.closest('code, pre')) continue;
          const word = /\\p{L}{2,}/gu;
          for (let m; (m = word.exec(node.data)); ) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(m[0]);
          }
        }
      }
      return broken.slice(0, 12);
      """;

  /** Checks the page shown; adds what is wrong to {@code findings}. */
  static void check(ChromeDriver browser, String label, List<String> findings) throws Exception {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze(browser);
    for (Rule violation : results.getViolations()) {
      if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
        findings.add(
            label
                + ": "
                + violation.getId()
                + " ("
                + violation.getImpact()
                + ") "
                + violation.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
      }
    }
    Object codeWords = browser.executeScript(CODE_WORDS);
    if (codeWords instanceof List<?> found && !found.isEmpty()) {
      findings.add(label + ": words of the code on the page " + found);
    }
    Object clientCode = browser.executeScript(CLIENT_CODE);
    if (clientCode instanceof List<?> found && !found.isEmpty()) {
      findings.add(label + ": hashes or commands on a client's page, not collapsed " + found);
    }
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Number wideAtDesk =
        (Number)
            browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    if (wideAtDesk.intValue() > 0) {
      findings.add(label + ": " + wideAtDesk + " px wider than the window at its desktop width");
    }
    shot(browser, dir.resolve(label + "-1366.png"));
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    try {
      Number wide = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
      if (wide.intValue() > 390) {
        findings.add(label + ": " + wide + " px wide at 390 px");
      }
      Object sideways =
          browser.executeScript(
              "if (!document.querySelector('header.portal')) return [];"
                  + " return [...document.querySelectorAll('table')]"
                  + ".filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.id || t.className);");
      if (sideways instanceof List<?> tables && !tables.isEmpty()) {
        findings.add(label + ": a client's table scrolls sideways at 390 px " + tables);
      }
      Object broken = browser.executeScript(BROKEN_WORDS);
      if (broken instanceof List<?> words && !words.isEmpty()) {
        findings.add(label + ": words broken across lines in a table at 390 px " + words);
      }
      shot(browser, dir.resolve(label + "-390.png"));
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  static void shot(ChromeDriver browser, Path to) throws Exception {
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
  }
}
