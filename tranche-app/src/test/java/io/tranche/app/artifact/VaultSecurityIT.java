package io.tranche.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.artifact.internal.ArtifactSweeper;
import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobWriter;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.payment.WebhookSignature;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * What the vault refuses: no plaintext and no key before release by any route (ranges and guessed
 * paths included), releases exactly once under concurrent triggers, refunds before and after
 * release, bad uploads and cut connections that leave nothing behind, and no key in the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class VaultSecurityIT extends IntegrationTest {
  @Autowired ContractService contracts;
  @Autowired InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.CreditNotes creditNotes;

  @Autowired MilestoneService milestones;
  @Autowired ArtifactService artifacts;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.artifact.ArtifactDownloads downloads;

  @Autowired ReleaseService releases;
  @Autowired ArtifactSweeper sweeper;
  @Autowired BlobStore blobs;
  @Autowired io.tranche.app.project.ProjectService projects;

  private record Delivered(World world, ArtifactView artifact, InvoiceView finalInvoice) {}

  /**
   * A signed contract, and the final milestone's build submitted with its receipt and accepted by
   * the client, so its invoice is issued; unpaid.
   */
  private Delivered delivered(String label) {
    return delivered(label, true);
  }

  private Delivered delivered(String label, boolean earlyDownload) {
    World world = fixtures.world(label);
    var base = io.tranche.app.support.Fixtures.quoteContent(world.tag());
    var content =
        new io.tranche.core.contract.QuoteContent(
            base.scope(),
            base.timeline(),
            base.lines(),
            base.taxRateBasisPoints(),
            base.plan(),
            base.validUntil(),
            new io.tranche.core.contract.QuoteTerms(
                7, 7, io.tranche.core.money.Money.of(0, "EUR"), earlyDownload));
    var agreements = fixtures.agreements(world, content);
    String hash = contracts.open(world.owner(), agreements.contractId()).documentHash();
    contracts.countersign(
        world.owner(),
        agreements.contractId(),
        new SignatureRequest("Dana Vendor", true, hash),
        new SignedBy("192.0.2.7", "vault"));
    ArtifactView artifact = fixtures.submittedArtifact(world);
    fixtures.accept(world, artifact.milestoneId());
    InvoiceView invoice =
        invoices
            .invoices(
                world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 200))
            .items()
            .stream()
            .filter(i -> artifact.milestoneId().equals(i.milestoneId()))
            .findFirst()
            .orElseThrow();
    return new Delivered(world, artifact, invoice);
  }

  private ResultActions as(World world, AbstractMockHttpServletRequestBuilder<?> r)
      throws Exception {
    return mvc.perform(r.with(authentication(Sessions.of(world.contactActor()))).with(csrf()));
  }

  private ResultActions stripe(String event) throws Exception {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    return mvc.perform(
        post("/webhooks/stripe")
            .contentType(MediaType.APPLICATION_JSON)
            .header(
                "Stripe-Signature", WebhookSignature.sign(bytes, "whsec_current", Instant.now()))
            .content(bytes));
  }

  private void payByCard(InvoiceView invoice, long amountMinor, String intent) throws Exception {
    stripe(
            """
            {"id":"evt_%s","type":"checkout.session.completed","data":{"object":{"payment_status":"paid",
             "amount_total":%d,"currency":"eur","payment_intent":"%s","metadata":{"invoice_id":"%s"}}}}"""
                .formatted(UUID.randomUUID(), amountMinor, intent, invoice.id()))
        .andExpect(status().isOk());
  }

  private void refund(String intent, long amountMinor) throws Exception {
    stripe(
            """
            {"id":"evt_%s","type":"charge.refunded","data":{"object":{"id":"ch_1","payment_intent":"%s",
             "amount_refunded":%d,"currency":"eur"}}}"""
                .formatted(UUID.randomUUID(), intent, amountMinor))
        .andExpect(jsonPath("$.outcome").value("processed"));
  }

  private long evidence(World world, String type) {
    return jdbc.sql("select count(*) from evidence_entry where workspace_id = ? and type = ?")
        .params(world.owner().workspaceId(), type)
        .query(Long.class)
        .single();
  }

  private long releases(UUID milestoneId) {
    return jdbc.sql("select count(*) from artifact_release where milestone_id = ?")
        .param(milestoneId)
        .query(Long.class)
        .single();
  }

  private String blobKey(UUID artifactId) {
    return jdbc.sql("select blob_key from artifact where id = ?")
        .param(artifactId)
        .query(String.class)
        .single();
  }

  @Test
  void beforeReleaseTheClientGetsNeitherKeyNorPlaintextByAnyRoute() throws Exception {
    Delivered d = delivered("sealed");
    String id = d.artifact().id().toString();
    String plaintextMarker = "build of " + d.world().tag();

    as(d.world(), get("/portal/artifacts/" + id + "/key"))
        .andExpect(status().isForbidden())
        .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("sealed"));
    as(d.world(), post("/portal/artifacts/" + id + "/downloads").param("kind", "plaintext"))
        .andExpect(status().isForbidden());
    assertThatThrownBy(
            () -> downloads.download(d.world().contactActor(), d.artifact().id(), "plaintext"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("sealed until");

    // the ciphertext link serves ciphertext only, whole or by range
    String link =
        as(d.world(), post("/portal/artifacts/" + id + "/downloads").param("kind", "ciphertext"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String path = link.substring(link.indexOf("/downloads/"));
    for (String range : new String[] {null, "bytes=0-", "bytes=40-4000", "bytes=-500"}) {
      var request = get(path);
      if (range != null) {
        request.header("Range", range);
      }
      byte[] body = mvc.perform(request).andReturn().getResponse().getContentAsByteArray();
      assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain(plaintextMarker);
    }
    mvc.perform(get(path).header("Range", "bytes=999999999-"))
        .andExpect(status().isRequestedRangeNotSatisfiable());

    // guessed storage paths and tokens open nothing
    String key = blobKey(d.artifact().id());
    for (String guess :
        new String[] {
          "/" + key,
          "/blobs/" + key,
          "/data/blobs/" + key,
          "/downloads/" + key,
          "/downloads/dl_" + UUID.randomUUID(),
          "/downloads/" + id,
          "/portal/artifacts/" + id + "/plaintext"
        }) {
      var response =
          mvc.perform(get(guess).with(authentication(Sessions.of(d.world().contactActor()))))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(guess).isIn(401, 403, 404);
      assertThat(response.getContentAsString()).as(guess).doesNotContain(plaintextMarker);
    }

    // an expired link opens nothing, though it was valid
    jdbc.sql("update download_token set expires_at = ?")
        .param(Timestamp.from(Instant.now().minusSeconds(1)))
        .update();
    mvc.perform(get(path)).andExpect(status().isNotFound());
  }

  @Test
  void aContractWithoutEarlyDownloadKeepsEvenTheCiphertextUntilRelease() throws Exception {
    Delivered d = delivered("no-early", false);
    String id = d.artifact().id().toString();
    assertThat(d.artifact().ciphertextDownloadable()).isFalse();
    as(d.world(), get("/portal/artifacts/" + id + "/receipt")).andExpect(status().isOk());
    as(d.world(), post("/portal/artifacts/" + id + "/downloads").param("kind", "ciphertext"))
        .andExpect(status().isForbidden());
    payByCard(d.finalInvoice(), d.finalInvoice().total().amountMinor(), "pi_" + UUID.randomUUID());
    as(d.world(), post("/portal/artifacts/" + id + "/downloads").param("kind", "ciphertext"))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void aLinkDiesWithItsHoldersAccess() throws Exception {
    Delivered d = delivered("holder");
    String link =
        as(d.world(), post("/portal/artifacts/" + d.artifact().id() + "/downloads"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String path = link.substring(link.indexOf("/downloads/"));
    mvc.perform(get(path).header("Range", "bytes=0-9")).andExpect(status().isPartialContent());
    projects.removeContact(d.world().owner(), d.world().project().id(), d.world().contact().id());
    mvc.perform(get(path)).andExpect(status().isNotFound());
  }

  @Test
  void aWrittenOffInvoiceReleasesNothing() throws Exception {
    Delivered d = delivered("written-off");
    payments.writeOff(d.world().owner(), d.finalInvoice().id(), "client vanished");
    InvoiceView deposit =
        invoices
            .invoices(
                d.world().owner(),
                d.world().project().id(),
                new io.tranche.app.platform.Paging(0, 200))
            .items()
            .stream()
            .filter(i -> !i.id().equals(d.finalInvoice().id()))
            .findFirst()
            .orElseThrow();
    // a payment elsewhere in the project re-checks waiting milestones: this one stays sealed
    payments.recordPayment(
        d.world().owner(),
        deposit.id(),
        io.tranche.core.money.Money.of(deposit.total().amountMinor(), "EUR"),
        java.time.LocalDate.now(),
        "transfer");
    assertThat(releases(d.artifact().milestoneId())).isZero();
    as(d.world(), get("/portal/artifacts/" + d.artifact().id() + "/key"))
        .andExpect(status().isForbidden());
  }

  /** Pays the world's deposit by bank, so that exposure alone would not hold the final part. */
  private void payDeposit(Delivered d) {
    InvoiceView deposit =
        invoices
            .invoices(
                d.world().owner(),
                d.world().project().id(),
                new io.tranche.app.platform.Paging(0, 200))
            .items()
            .stream()
            .filter(i -> !i.id().equals(d.finalInvoice().id()))
            .findFirst()
            .orElseThrow();
    payments.recordPayment(
        d.world().owner(),
        deposit.id(),
        io.tranche.core.money.Money.of(deposit.total().amountMinor(), "EUR"),
        java.time.LocalDate.now(),
        "transfer");
  }

  private io.tranche.core.money.Money eur(long minor) {
    return io.tranche.core.money.Money.of(minor, "EUR");
  }

  @Test
  void anInvoiceSettledByACreditNoteAloneReleasesNothingAndItsMilestoneStaysInvoiced()
      throws Exception {
    Delivered d = delivered("credited");
    UUID milestone = d.artifact().milestoneId();
    creditNotes.issue(
        d.world().owner(),
        d.finalInvoice().id(),
        eur(d.finalInvoice().total().amountMinor()),
        "goodwill");
    assertThat(invoices.invoice(d.world().owner(), d.finalInvoice().id()).state().name())
        .isEqualTo("CREDITED");
    // a payment elsewhere in the project re-checks waiting milestones: this one stays sealed
    payDeposit(d);
    assertThat(releases(milestone)).isZero();
    assertThat(milestones.milestone(d.world().owner(), milestone).state().name())
        .isEqualTo("INVOICED");
    as(d.world(), get("/portal/artifacts/" + d.artifact().id() + "/key"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aDisputedMilestoneWhoseInvoiceWasCreditedStaysUnpaidWhenTheDisputeIsResolved()
      throws Exception {
    Delivered d = delivered("credited-dispute");
    UUID milestone = d.artifact().milestoneId();
    payDeposit(d);
    milestones.transition(d.world().owner(), milestone, MilestoneAction.OPEN_DISPUTE);
    creditNotes.issue(
        d.world().owner(),
        d.finalInvoice().id(),
        eur(d.finalInvoice().total().amountMinor()),
        "settled in the dispute");
    milestones.transition(d.world().owner(), milestone, MilestoneAction.RESOLVE_DISPUTE);
    assertThat(milestones.milestone(d.world().owner(), milestone).state().name())
        .isEqualTo("INVOICED");
    assertThat(releases(milestone)).isZero();
  }

  @Test
  void aPartialCreditNoteAndACardPaymentForTheRestReleaseTheMilestone() throws Exception {
    Delivered d = delivered("credit-and-card");
    UUID milestone = d.artifact().milestoneId();
    payDeposit(d);
    long total = d.finalInvoice().total().amountMinor();
    creditNotes.issue(d.world().owner(), d.finalInvoice().id(), eur(total / 4), "discount");
    payByCard(d.finalInvoice(), total - total / 4, "pi_" + UUID.randomUUID());
    assertThat(invoices.invoice(d.world().owner(), d.finalInvoice().id()).state().name())
        .isEqualTo("PAID");
    assertThat(releases(milestone)).isOne();
    assertThat(milestones.milestone(d.world().owner(), milestone).state().name())
        .isEqualTo("RELEASED");
  }

  @Test
  void aDisputePaidThroughIsReleasedWhenResolved() throws Exception {
    Delivered d = delivered("resolved");
    UUID milestone = d.artifact().milestoneId();
    milestones.transition(d.world().owner(), milestone, MilestoneAction.OPEN_DISPUTE);
    payByCard(d.finalInvoice(), d.finalInvoice().total().amountMinor(), "pi_" + UUID.randomUUID());
    assertThat(releases(milestone)).isZero();
    milestones.transition(d.world().owner(), milestone, MilestoneAction.RESOLVE_DISPUTE);
    assertThat(releases(milestone)).isOne();
    assertThat(milestones.milestone(d.world().owner(), milestone).state().name())
        .isEqualTo("RELEASED");
  }

  @Test
  void theVendorReleasesOnlyDeliveredWorkAndAPaymentLaterCompletesTheMilestone() throws Exception {
    World world = fixtures.world("early");
    assertThatThrownBy(
            () -> releases.releaseByVendor(world.owner(), world.milestones().get(1).id(), "test"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("no delivered artifact");

    Delivered d = delivered("early-release");
    releases.releaseByVendor(d.world().owner(), d.artifact().milestoneId(), "test");
    assertThat(milestones.milestone(d.world().owner(), d.artifact().milestoneId()).state().name())
        .isEqualTo("INVOICED");
    payByCard(d.finalInvoice(), d.finalInvoice().total().amountMinor(), "pi_" + UUID.randomUUID());
    assertThat(milestones.milestone(d.world().owner(), d.artifact().milestoneId()).state().name())
        .isEqualTo("RELEASED");
    assertThat(evidence(d.world(), "release.released")).isOne();
  }

  @Test
  void concurrentReleasesMakeOneRelease() throws Exception {
    Delivered d = delivered("race");
    UUID milestone = d.artifact().milestoneId();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(
          () -> {
            try {
              releases.releaseByVendor(d.world().owner(), milestone, "concurrent test");
              return true;
            } catch (RuntimeException e) {
              return false; // a race the database refused; no second release either way
            }
          });
    }
    int succeeded = 0;
    for (Future<Boolean> f : pool.invokeAll(calls)) {
      succeeded += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(succeeded).isPositive();
    assertThat(releases(milestone)).isOne();
    assertThat(evidence(d.world(), "release.released")).isOne();
    assertThat(artifacts.artifact(d.world().contactActor(), d.artifact().id()).releaseReason())
        .isEqualTo("vendor");
    assertThat(downloads.dataKey(d.world().contactActor(), d.artifact().id())).isNotBlank();
  }

  @Test
  void aRefundBeforeReleaseCancelsItAndARefundAfterReleaseIsRecorded() throws Exception {
    Delivered d = delivered("refund");
    UUID milestone = d.artifact().milestoneId();
    long total = d.finalInvoice().total().amountMinor();
    // a dispute holds the release although the money arrives
    milestones.transition(d.world().owner(), milestone, MilestoneAction.OPEN_DISPUTE);
    String first = "pi_" + UUID.randomUUID();
    payByCard(d.finalInvoice(), total, first);
    assertThat(releases(milestone)).isZero();
    refund(first, total);
    assertThat(evidence(d.world(), "release.cancelled")).isOne();
    milestones.transition(d.world().owner(), milestone, MilestoneAction.RESOLVE_DISPUTE);
    assertThat(releases(milestone)).as("the refunded money releases nothing").isZero();
    as(d.world(), get("/portal/artifacts/" + d.artifact().id() + "/key"))
        .andExpect(status().isForbidden());

    // paid again: released; then refunded: recorded and shown, the release stands
    String second = "pi_" + UUID.randomUUID();
    payByCard(d.finalInvoice(), total, second);
    assertThat(releases(milestone)).isOne();
    refund(second, total);
    assertThat(evidence(d.world(), "release.refund-after")).isOne();
    ArtifactView after = artifacts.artifact(d.world().contactActor(), d.artifact().id());
    assertThat(after.reversedAfterReleaseAt()).isNotNull();
    assertThat(after.reversalAfterRelease()).isEqualTo("refund");
    as(d.world(), get("/portal/projects/" + d.world().project().id() + "/deliverables"))
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString())
                    .contains("taken back")
                    .contains("refund"));
  }

  @Test
  void refundingACardPaymentThatCameAfterATransferLeavesTheReleaseAlone() throws Exception {
    Delivered d = delivered("double");
    UUID milestone = d.artifact().milestoneId();
    long total = d.finalInvoice().total().amountMinor();
    // the client starts a card payment, pays by transfer as well, and the card payment succeeds:
    // the transfer paid the invoice and released the build, the card payment is the client's credit
    String card = "pi_" + UUID.randomUUID();
    stripe(intent("payment_intent.processing", "amount", d.finalInvoice(), total, card))
        .andExpect(jsonPath("$.outcome").value("processed"));
    payments.recordPayment(
        d.world().owner(),
        d.finalInvoice().id(),
        io.tranche.core.money.Money.of(total, "EUR"),
        java.time.LocalDate.now(),
        "transfer");
    assertThat(releases(milestone)).isOne();
    stripe(intent("payment_intent.succeeded", "amount_received", d.finalInvoice(), total, card))
        .andExpect(jsonPath("$.outcome").value("processed"));

    refund(card, total);
    assertThat(invoices.invoice(d.world().owner(), d.finalInvoice().id()).state().name())
        .isEqualTo("PAID");
    assertThat(evidence(d.world(), "release.refund-after"))
        .as("the refund took back credit, not the money that paid for the release")
        .isZero();
    assertThat(evidence(d.world(), "release.cancelled")).isZero();
    assertThat(
            artifacts.artifact(d.world().contactActor(), d.artifact().id()).reversalAfterRelease())
        .isNull();
  }

  private static String intent(
      String type, String amountField, InvoiceView invoice, long amount, String id) {
    return """
        {"id":"evt_%s","type":"%s","data":{"object":{"id":"%s","object":"payment_intent",
         "%s":%d,"currency":"eur","metadata":{"invoice_id":"%s"}}}}"""
        .formatted(UUID.randomUUID(), type, id, amountField, amount, invoice.id());
  }

  @Test
  void aChargebackBeforeReleaseHoldsItAndOneAfterReleaseIsRecorded() throws Exception {
    Delivered d = delivered("chargeback");
    UUID milestone = d.artifact().milestoneId();
    long total = d.finalInvoice().total().amountMinor();
    // the card payment is still processing when the client disputes it with their bank
    String intent = "pi_" + UUID.randomUUID();
    stripe(
            """
            {"id":"evt_%s","type":"payment_intent.processing","data":{"object":{"id":"%s",
             "amount":%d,"currency":"eur","metadata":{"invoice_id":"%s"}}}}"""
                .formatted(UUID.randomUUID(), intent, total, d.finalInvoice().id()))
        .andExpect(status().isOk());
    chargeback(intent, total);
    assertThat(evidence(d.world(), "release.held")).isOne();
    assertThat(milestones.milestone(d.world().owner(), milestone).disputed()).isTrue();
    // the payment then succeeds: with the dispute open, nothing is released
    stripe(
            """
            {"id":"evt_%s","type":"payment_intent.succeeded","data":{"object":{"id":"%s",
             "amount_received":%d,"currency":"eur","metadata":{"invoice_id":"%s"}}}}"""
                .formatted(UUID.randomUUID(), intent, total, d.finalInvoice().id()))
        .andExpect(status().isOk());
    assertThat(releases(milestone)).isZero();

    // another project: released, then charged back — recorded and shown, the release stands
    Delivered e = delivered("chargeback-after");
    String paid = "pi_" + UUID.randomUUID();
    payByCard(e.finalInvoice(), e.finalInvoice().total().amountMinor(), paid);
    assertThat(releases(e.artifact().milestoneId())).isOne();
    chargeback(paid, e.finalInvoice().total().amountMinor());
    assertThat(evidence(e.world(), "release.chargeback-after")).isOne();
    assertThat(artifacts.artifact(e.world().owner(), e.artifact().id()).reversalAfterRelease())
        .isEqualTo("chargeback");
  }

  private void chargeback(String intent, long amountMinor) throws Exception {
    stripe(
            """
            {"id":"evt_%s","type":"charge.dispute.created","data":{"object":{"id":"dp_%s",
             "payment_intent":"%s","amount":%d,"currency":"eur","reason":"fraudulent"}}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), intent, amountMinor))
        .andExpect(jsonPath("$.outcome").value("processed"));
  }

  @Test
  void badUploadsAreRefusedByNameAndLeaveNothingBehind() throws Exception {
    World world = fixtures.world("uploads");
    String milestone = world.milestones().get(1).id().toString();
    String token = "Bearer " + world.apiToken();
    mvc.perform(
            post("/api/v1/milestones/" + milestone + "/artifacts?name=a.bin")
                .header("Authorization", token)
                .content(new byte[] {1, 2, 3}))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("artifact.milestone-not-open"));
    milestones.transition(world.owner(), world.milestones().get(1).id(), MilestoneAction.START);
    milestones.transition(
        world.owner(), world.milestones().get(1).id(), MilestoneAction.OPEN_DISPUTE);
    mvc.perform(
            post("/api/v1/milestones/" + milestone + "/artifacts?name=a.bin")
                .header("Authorization", token)
                .content(new byte[] {1, 2, 3}))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("artifact.milestone-not-open"));
    milestones.transition(
        world.owner(), world.milestones().get(1).id(), MilestoneAction.RESOLVE_DISPUTE);
    for (String name :
        new String[] {
          "../etc/passwd", "a/b.bin", "dir\\\\x.bin", "", "report\u202Efdp.exe", "a\u0000b"
        }) {
      mvc.perform(
              post("/api/v1/milestones/" + milestone + "/artifacts")
                  .param("name", name)
                  .header("Authorization", token)
                  .content(new byte[] {1, 2, 3}))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("artifact.bad-name"))
          .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
    mvc.perform(
            post("/api/v1/milestones/" + milestone + "/artifacts?name=empty.bin")
                .header("Authorization", token)
                .content(new byte[0]))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("artifact.empty"));
    // one byte over the limit (64 MiB in the tests), streamed from a generator
    assertThatThrownBy(
            () ->
                artifacts.upload(
                    world.owner(),
                    world.milestones().get(1).id(),
                    "big.bin",
                    null,
                    new ZeroStream(64L * 1024 * 1024 + 1)))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("at most 67108864 bytes");
    assertThat(
            jdbc.sql("select count(*) from artifact where milestone_id = ?")
                .param(world.milestones().get(1).id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(temporaryBlobs()).isEmpty();
  }

  @Test
  void aCutConnectionLeavesNothingVisibleOrStored(CapturedOutput output) throws Exception {
    World world = fixtures.world("cut");
    UUID milestone = world.milestones().get(1).id();
    milestones.transition(world.owner(), milestone, MilestoneAction.START);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/milestones/"
                  + milestone
                  + "/artifacts?name=cut.bin HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + world.apiToken()
                  + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 20000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[3_000_000]);
      out.flush();
    }
    long deadline = System.currentTimeMillis() + 20_000;
    long rows;
    do {
      Thread.sleep(200);
      rows =
          jdbc.sql("select count(*) from artifact where milestone_id = ?")
              .param(milestone)
              .query(Long.class)
              .single();
    } while (rows > 0 && System.currentTimeMillis() < deadline);
    assertThat(rows).as("the cut upload's row is removed").isZero();
    assertThat(output.getAll()).as("the upload had started").contains("interrupted");
    assertThat(artifacts.artifacts(world.owner(), milestone)).isEmpty();
    assertThat(temporaryBlobs()).isEmpty();
  }

  @Test
  void theSweeperRemovesUploadsACrashLeftBehind() throws Exception {
    World world = fixtures.world("crash");
    UUID id = UUID.randomUUID();
    String key;
    // a crash mid-upload: the row says SEALING and the blob's bytes were never committed
    BlobWriter writer = blobs.create();
    key = writer.key();
    writer.stream().write(new byte[1000]);
    writer.stream().flush();
    jdbc.sql(
            """
            insert into artifact (id, workspace_id, project_id, milestone_id, name, media_type, state,
                                  blob_key, wrapped_key, key_commitment, uploaded_by, created_at,
                                  heartbeat_at)
            values (?, ?, ?, ?, 'crash.bin', 'application/octet-stream', 'SEALING', ?, 'v1.x.y', ?, 'test', ?, ?)
            """)
        .params(
            id,
            world.owner().workspaceId(),
            world.project().id(),
            world.milestones().get(1).id(),
            key,
            "0".repeat(64),
            Timestamp.from(Instant.now().minusSeconds(600)),
            Timestamp.from(Instant.now().minusSeconds(60)))
        .update();
    // an upload whose heartbeat is recent is left alone; once silent for longer than allowed
    // (here: as if two more minutes had passed), it goes
    sweeper.sweep(Instant.now().minusSeconds(120));
    assertThat(
            jdbc.sql("select count(*) from artifact where id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isOne();
    sweeper.sweep(Instant.now());
    assertThat(
            jdbc.sql("select count(*) from artifact where id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(temporaryBlobs()).isEmpty();
    assertThatThrownBy(() -> blobs.open(key).close()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void noDataKeyOrKeyEncryptionKeyReachesTheLogs(CapturedOutput output) throws Exception {
    Delivered d = delivered("logs");
    String dataKey = downloads.dataKey(d.world().owner(), d.artifact().id());
    payByCard(d.finalInvoice(), d.finalInvoice().total().amountMinor(), "pi_" + UUID.randomUUID());
    assertThat(downloads.dataKey(d.world().contactActor(), d.artifact().id())).isEqualTo(dataKey);
    String kek = Files.readString(Path.of("target/test-data/keys/kek")).strip();
    Path logFile = Path.of("target/test-data/logs/tranche.log");
    String logs = output.getAll() + (Files.exists(logFile) ? Files.readString(logFile) : "");
    assertThat(logs).contains("released");
    assertThat(logs).doesNotContain(dataKey).doesNotContain(kek);
    assertThat(logs).doesNotContain(dataKey.substring(20, 60));
  }

  /**
   * Temporary blob files that stay. Other work in this shared server (a receipt or invoice PDF
   * written by a reaction) passes through {@code tmp/} too, for a moment; a file an upload left
   * behind stays, so this waits up to ten seconds for the folder to empty and returns what is left.
   */
  private List<Path> temporaryBlobs() throws Exception {
    Path tmp = Path.of("target/test-data/blobs/tmp");
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      if (!Files.isDirectory(tmp)) {
        return List.of();
      }
      List<Path> left;
      try (var files = Files.list(tmp)) {
        left = files.toList();
      }
      if (left.isEmpty() || System.currentTimeMillis() > deadline) {
        return left;
      }
      Thread.sleep(100);
    }
  }

  /** {@code size} zero bytes, made on the fly. */
  private static final class ZeroStream extends InputStream {
    private long left;

    ZeroStream(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }

  @SuppressWarnings("unused")
  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
