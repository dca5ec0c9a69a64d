package io.tranche.app.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the integration tests: the whole application on a random port, against the test database,
 * sending mail to the in-process SMTP server. All subclasses share one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tranche.data-dir=target/test-data",
      "tranche.mail.poll-interval=200ms",
      "tranche.attachments.max-bytes=1048576",
      // Every test's browser-like client asks for sign-in links from 127.0.0.1.
      "tranche.rate-limit.magic-link-per-ip=40",
      // A test reverse proxy: only this loopback address may set X-Forwarded-For.
      "tranche.trusted-proxies=127.0.0.3",
      "tranche.artifacts.max-bytes=67108864",
      "db-scheduler.polling-interval=1s",
      "tranche.stripe.webhook-secrets=whsec_rotated_out,whsec_current",
      "tranche.stripe.reconcile-interval=1h",
      // tests run review periods themselves, with the mutable clock
      "tranche.review.sweep-interval=1h",
      "tranche.dunning.interval=1h",
      // the staging sites that previews fetch in tests run on 127.0.0.1
      "tranche.preview.upstream-private-allowed=true",
      "tranche.webhooks.private-allowed=true",
      "tranche.webhooks.poll-interval=1h",
      "spring.mail.properties.mail.smtp.connectiontimeout=2000",
      "spring.mail.properties.mail.smtp.timeout=2000"
    })
@AutoConfigureMockMvc
@Import({Fixtures.class, TestClockConfiguration.class})
public abstract class IntegrationTest {
  @Autowired protected MockMvc mvc;
  @Autowired protected Fixtures fixtures;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected MutableClock clock;
  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMail::port);
    registry.add("tranche.stripe.secret-key", () -> TestStripe.SECRET_KEY);
    registry.add("tranche.stripe.api-base", TestStripe::baseUrl);
  }

  @Autowired private org.springframework.web.context.WebApplicationContext web;
  @Autowired private org.springframework.security.web.csrf.CsrfTokenRepository csrfTokens;

  /**
   * Gives the running server its own CSRF token repository back. MockMvc's {@code csrf()} post
   * processor replaces the repository of the (shared) CSRF filter with a session-based test one for
   * good; a test of what real browsers get from the real server calls this first.
   */
  protected void realCsrfTokens() {
    org.springframework.security.test.web.support.WebTestUtils.setCsrfTokenRepository(
        new org.springframework.mock.web.MockHttpServletRequest(
            web.getServletContext(), "GET", "/login"),
        csrfTokens);
  }

  @org.junit.jupiter.api.AfterEach
  void backToTheRealTime() {
    clock.reset();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
