package io.tranche.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorKind;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without an SMTP server, mail stays in the workspace's local mailbox, for the owner only. Its
 * application is one of its own on the test database (on PostgreSQL the same one), closed after
 * these tests so that its job runner takes no job the other tests schedule and wait for.
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    properties = {"tranche.data-dir=target/test-data", "tranche.mail.poll-interval=100ms"})
@AutoConfigureMockMvc
@Import(Fixtures.class)
class LocalMailboxIT {
  @Autowired MailService mail;
  @Autowired Fixtures fixtures;
  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @Test
  void keepsMailForTheOwnerToReadWhenNoSmtpServerIsConfigured() throws Exception {
    World world = fixtures.world("mailbox");
    mail.enqueue(
        new OutgoingMail(
            world.owner().workspaceId(), "someone@client.test", "Hello there", "Body text 42"));

    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    List<MailboxEntry> box = mail.mailbox(world.owner().workspaceId(), 10);
    while (box.stream().noneMatch(m -> m.status() == MailStatus.LOCAL)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      box = mail.mailbox(world.owner().workspaceId(), 10);
    }
    assertThat(box).extracting(MailboxEntry::status).containsExactly(MailStatus.LOCAL);

    String page =
        mvc.perform(get("/console/mailbox").with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Hello there").contains("Body text 42");

    // a web address in the text is a link (without the sentence's full stop), the rest stays text;
    // what a mail carried is named, with the console page that downloads it
    mail.enqueue(
        new OutgoingMail(
            world.owner().workspaceId(),
            "someone@client.test",
            "With a link",
            "Open https://tranche.example/portal/x?y=1&z=2. <b>not bold</b>",
            List.of()));
    fixtures.signedContract(world); // mails the deposit's invoice, with its PDF
    UUID deposit =
        fixtures
            .invoices()
            .invoices(world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 5))
            .items()
            .get(0)
            .id();
    deadline = Instant.now().plus(Duration.ofSeconds(10));
    box = mail.mailbox(world.owner().workspaceId(), 50);
    while (box.stream().anyMatch(m -> m.status() == MailStatus.PENDING)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      box = mail.mailbox(world.owner().workspaceId(), 50);
    }
    page =
        mvc.perform(get("/console/mailbox").with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "Open <a href=\"https://tranche.example/portal/x?y=1&amp;z=2\" rel=\"noreferrer\">"
                + "https://tranche.example/portal/x?y=1&amp;z=2</a>. &lt;b&gt;not bold&lt;/b&gt;")
        .contains(
            "Attached:\n    <a href=\"/console/invoices/"
                + deposit
                + "/pdf\">The invoice (PDF)</a>")
        .containsPattern("<a href=\"http[^\"]+/portal/projects/[^\"]+\" rel=\"noreferrer\">");
    mvc.perform(
            get("/console/invoices/" + deposit + "/pdf")
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .contentType("application/pdf"));

    Actor plainMember =
        new Actor(
            ActorKind.MEMBER,
            UUID.randomUUID(),
            world.owner().workspaceId(),
            "m@vendor.test",
            false);
    mvc.perform(get("/console/mailbox").with(authentication(Sessions.of(plainMember))))
        .andExpect(status().isForbidden());
    World other = fixtures.world("mailbox-other");
    assertThat(
            mvc.perform(get("/console/mailbox").with(authentication(Sessions.of(other.owner()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("Body text 42");
  }
}
