package io.tranche.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.cli.TrancheCli;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.payment.WebhookSignature;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vault's whole flow over HTTP, with the real command line: a 50 MiB build uploaded to the
 * final milestone by {@code tranche-cli upload} → submitted, receipt issued → the client downloads
 * the ciphertext and the receipt, {@code verify-receipt} passes → the client cannot open it → the
 * final invoice is paid by a signed Stripe webhook → released exactly once → {@code tranche-cli
 * open} with the released key reproduces the original bytes; ranged plaintext downloads too. {@link
 * VaultFlowS3IT} runs the same against S3.
 */
class VaultFlowIT extends IntegrationTest {
  static final int SIZE = 50 * 1024 * 1024;
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  @Autowired ContractService contracts;
  @TempDir Path dir;
  private World world;

  private ResultActions api(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + world.apiToken()));
  }

  private ResultActions asClient(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.with(authentication(Sessions.of(world.contactActor()))).with(csrf()));
  }

  private JsonNode body(ResultActions r) throws Exception {
    return json.readTree(r.andReturn().getResponse().getContentAsString());
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TrancheCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private HttpResponse<Path> fetch(String url, Path to, String range) throws Exception {
    Files.deleteIfExists(to); // BodyHandlers.ofFile does not truncate
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
    if (range != null) {
      r.header("Range", range);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofFile(to));
  }

  /** Follows the portal's download form to its short-lived link. */
  private String downloadLink(String artifactId, String kind) throws Exception {
    return asClient(post("/portal/artifacts/" + artifactId + "/downloads").param("kind", kind))
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  @Test
  void aSealedBuildIsCheckedBeforePaymentAndOpensAfterIt() throws Exception {
    world = fixtures.world("vault");
    var agreements = fixtures.agreements(world);
    String hash = contracts.open(world.owner(), agreements.contractId()).documentHash();
    contracts.countersign(
        world.owner(),
        agreements.contractId(),
        new SignatureRequest("Dana Vendor", true, hash),
        new SignedBy("192.0.2.7", "vault"));
    String project = world.project().id().toString();
    JsonNode plan = body(api(get("/api/v1/projects/" + project + "/milestones"))).get("items");
    String finalMilestone = plan.get(2).get("id").asString();
    api(post("/api/v1/milestones/" + finalMilestone + "/transitions")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"action\":\"START\"}"))
        .andExpect(status().isOk());

    // the vendor's CI uploads a 50 MiB build
    Path build = dir.resolve("build-1.0.zip");
    try (OutputStream out = Files.newOutputStream(build)) {
      Random random = new Random(5);
      byte[] chunk = new byte[1024 * 1024];
      for (int i = 0; i < SIZE / chunk.length; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    Path tokenFile = Files.writeString(dir.resolve("token"), world.apiToken());
    Run upload =
        cli(
            "upload",
            build.toString(),
            "--server",
            baseUrl(),
            "--milestone",
            finalMilestone,
            "--media-type",
            "application/zip",
            "--token-file",
            tokenFile.toString());
    assertThat(upload.code()).as(upload.err()).isZero();
    JsonNode artifact = json.readTree(upload.out());
    String artifactId = artifact.get("id").asString();
    assertThat(artifact.get("plaintextSize").asLong()).isEqualTo(SIZE);
    assertThat(artifact.get("plaintextSha256").asString()).isEqualTo(sha256(build));
    assertThat(artifact.get("released").asBoolean()).isFalse();
    // before submission the client sees nothing of it
    asClient(get("/portal/artifacts/" + artifactId + "/receipt")).andExpect(status().isNotFound());

    // the final demo: submission issues the receipt; the review period begins
    api(post("/api/v1/milestones/" + finalMilestone + "/transitions")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"action\":\"SUBMIT\"}"))
        .andExpect(status().isOk());
    assertThat(TestMail.awaitMailTo(world.contact().email(), "Delivered: ")).isNotNull();
    asClient(get("/portal/projects/" + project + "/deliverables"))
        .andExpect(status().isOk())
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString())
                    .contains("build-1.0.zip")
                    .contains(sha256(build))
                    .contains("Sealed until this part is accepted and paid"));

    // the client takes the receipt, the vendor's public key and the ciphertext, and checks them
    Path receipt = dir.resolve("build-1.0.zip.receipt.jws");
    Files.write(
        receipt,
        asClient(get("/portal/artifacts/" + artifactId + "/receipt"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray());
    Path publicKey = dir.resolve("vendor.jwk");
    Files.write(
        publicKey,
        asClient(get("/portal/signing-key.jwk"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray());
    Path sealed = dir.resolve("build-1.0.zip.sealed");
    HttpResponse<Path> cipher = fetch(downloadLink(artifactId, "ciphertext"), sealed, null);
    assertThat(cipher.statusCode()).isEqualTo(200);
    assertThat(Files.size(sealed)).isEqualTo(artifact.get("ciphertextSize").asLong());
    assertThat(sha256(sealed)).isEqualTo(artifact.get("ciphertextSha256").asString());

    Run verify =
        cli(
            "verify-receipt",
            receipt.toString(),
            "--key",
            publicKey.toString(),
            "--artifact",
            artifactId);
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out())
        .contains("plaintext: " + SIZE + " bytes, sha256 " + sha256(build))
        .contains("contract: " + hash);

    // ... and cannot open it yet
    asClient(get("/portal/artifacts/" + artifactId + "/key.txt")).andExpect(status().isForbidden());
    asClient(post("/portal/artifacts/" + artifactId + "/downloads").param("kind", "plaintext"))
        .andExpect(status().isForbidden());
    Path opened = dir.resolve("opened.zip");
    Run guess =
        cli(
            "open",
            sealed.toString(),
            "--receipt",
            receipt.toString(),
            "--key",
            java.util.Base64.getEncoder()
                .encodeToString(io.tranche.vault.DataKey.generate().keyset()),
            "-o",
            opened.toString());
    assertThat(guess.code()).isEqualTo(1);
    assertThat(guess.err()).contains("vault.key-mismatch");
    assertThat(opened).doesNotExist();

    // the client reviews the final demo: the acceptance lists the build, and signing it
    // invoices the final part
    String review =
        asClient(get("/portal/milestones/" + finalMilestone))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(review).contains("build-1.0.zip").contains(sha256(build));
    int at =
        review.indexOf("name=\"documentHash\" value=\"")
            + "name=\"documentHash\" value=\"".length();
    asClient(
            post("/portal/milestones/" + finalMilestone + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", review.substring(at, at + 64)))
        .andExpect(status().is3xxRedirection());

    // the final invoice is paid by card: the webhook releases the build, once
    JsonNode finalInvoice = null;
    for (JsonNode i : body(api(get("/api/v1/projects/" + project + "/invoices"))).get("items")) {
      if (finalMilestone.equals(i.path("milestoneId").asString())) {
        finalInvoice = i;
      }
    }
    assertThat(finalInvoice).as("the final invoice was issued at acceptance").isNotNull();
    String invoiceId = finalInvoice.get("id").asString();
    String event =
        """
        {"id":"evt_vault_%s","type":"checkout.session.completed","data":{"object":{"payment_status":"paid",
         "amount_total":%d,"currency":"eur","payment_intent":"pi_vault_%s","metadata":{"invoice_id":"%s"}}}}"""
            .formatted(
                invoiceId,
                finalInvoice.get("total").get("amountMinor").asLong(),
                invoiceId,
                invoiceId);
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    for (int delivery = 0; delivery < 2; delivery++) {
      mvc.perform(
              post("/webhooks/stripe")
                  .contentType(MediaType.APPLICATION_JSON)
                  .header(
                      "Stripe-Signature",
                      WebhookSignature.sign(bytes, "whsec_current", Instant.now()))
                  .content(bytes))
          .andExpect(status().isOk());
    }
    api(post("/api/v1/milestones/" + finalMilestone + "/release"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reason").value("paid"));
    assertThat(
            count("select count(*) from artifact_release where milestone_id = ?", finalMilestone))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from evidence_entry where type = 'release.released' and payload like ?",
                "%" + finalMilestone + "%"))
        .as("released exactly once, on the evidence log")
        .isEqualTo(1);
    api(get("/api/v1/projects/" + project + "/milestones"))
        .andExpect(jsonPath("$.items[2].state").value("RELEASED"));
    assertThat(TestMail.awaitMailTo(world.contact().email(), "Released: ")).isNotNull();

    // the released key opens the ciphertext the client already had
    String key =
        asClient(get("/portal/artifacts/" + artifactId + "/key.txt"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .strip();
    String keyPage =
        asClient(get("/portal/artifacts/" + artifactId + "/key"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(keyPage)
        .as("'Show the key' is a page that says what the key is for")
        .contains("The key to <span>build-1.0.zip</span>")
        .contains(key)
        .contains("Download the key as a file");
    Run open =
        cli(
            "open",
            sealed.toString(),
            "--receipt",
            receipt.toString(),
            "--key",
            key,
            "--signing-key",
            publicKey.toString(),
            "-o",
            opened.toString());
    assertThat(open.code()).as(open.err()).isZero();
    assertThat(Files.size(opened)).isEqualTo(SIZE);
    assertThat(sha256(opened)).isEqualTo(sha256(build));

    // the plaintext streams from the server too, whole or by range
    byte[] original = Files.readAllBytes(build);
    Path part = dir.resolve("part");
    HttpResponse<Path> ranged =
        fetch(downloadLink(artifactId, "plaintext"), part, "bytes=20000000-20999999");
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.headers().firstValue("Content-Range"))
        .hasValue("bytes 20000000-20999999/" + SIZE);
    assertThat(Files.readAllBytes(part))
        .isEqualTo(Arrays.copyOfRange(original, 20_000_000, 21_000_000));
    HttpResponse<Path> tail = fetch(downloadLink(artifactId, "plaintext"), part, "bytes=-100");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOfRange(original, SIZE - 100, SIZE));
    HttpResponse<Path> whole = fetch(downloadLink(artifactId, "plaintext"), part, null);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(sha256(part)).isEqualTo(sha256(build));
    assertThat(
            count(
                "select count(*) from evidence_entry where type = 'artifact.plaintext-link' and payload like ?",
                "%" + artifactId + "%"))
        .as("each plaintext link made for the client is evidence")
        .isEqualTo(3);
    HttpResponse<Path> cipherRange =
        fetch(downloadLink(artifactId, "ciphertext"), part, "bytes=0-99");
    assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOf(Files.readAllBytes(sealed), 100));
    assertThat(cipherRange.statusCode()).isEqualTo(206);
    api(get("/api/v1/evidence/verification")).andExpect(jsonPath("$.valid").value(true));
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql)
        .param(param instanceof String s && s.length() == 36 ? UUID.fromString(s) : param)
        .query(Long.class)
        .single();
  }
}
