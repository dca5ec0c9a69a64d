package io.tranche.app.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.mail.MailStatus;
import io.tranche.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox's claims between two nodes, one of which is slower than its claim. */
class MailOutboxIT extends IntegrationTest {
  @Autowired MailOutbox outbox;

  @Test
  void aLateFailureDoesNotQueueAgainAMailAnotherNodeSent() {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    // not due for a day, so this JVM's own dispatcher leaves it to the test
    jdbc.sql(
            """
            insert into mail_outbox (id, workspace_id, recipient, subject, body, status, attempts,
                                     created_at, next_attempt_at)
            values (?, null, 'late@example.test', 'Late', 'Body', 'PENDING', 0, ?, ?)
            """)
        .params(id, Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(1))))
        .update();

    assertThat(outbox.claim(id, 0, now.plusSeconds(3))).as("node A claims").isTrue();
    assertThat(outbox.claim(id, 0, now.plusSeconds(3)))
        .as("a second claim of the same attempt loses")
        .isFalse();
    // A's claim runs out; node B takes it over and sends the mail
    assertThat(outbox.claim(id, 1, now.plusSeconds(10))).as("node B takes over").isTrue();
    outbox.finish(id, MailStatus.SENT, now.plusSeconds(4));
    // A's attempt fails at last
    outbox.retryLater(id, now.plus(Duration.ofMinutes(1)), "MailSendException", false);

    assertThat(
            jdbc.sql("select status || ':' || attempts from mail_outbox where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .as("sent stays sent, not queued to go out a second time")
        .isEqualTo("SENT:2");
  }
}
