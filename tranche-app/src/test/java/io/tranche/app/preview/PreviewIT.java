package io.tranche.app.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A hosted preview, browser-free: the vendor uploads a site's zip; the client's contact opens it
 * and sees a watermark with their own address; other people are refused; the view is in the
 * evidence log; a malicious zip is refused and leaves nothing.
 */
class PreviewIT extends IntegrationTest {

  private static byte[] zip(String... namesAndContents) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private String upload(World world, byte[] zip, int status) throws Exception {
    return upload(world, world.milestones().get(1).id(), zip, status);
  }

  private String upload(World world, UUID milestone, byte[] zip, int status) throws Exception {
    return mvc.perform(
            put("/api/v1/milestones/" + milestone + "/previews")
                .param("name", "Shop prototype")
                .contentType("application/zip")
                .content(zip)
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theClientSeesThePreviewWatermarkedWithTheirNameAndOthersSeeNothing() throws Exception {
    World world = fixtures.world("preview");
    String created =
        upload(
            world,
            zip(
                "index.html", "<html><body><h1>Nordlicht shop</h1></body></html>",
                "css/site.css", "h1{color:navy}"),
            201);
    UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));

    MockHttpServletResponse page =
        io.tranche.app.support.PreviewPasses.open(
                mvc,
                get("/portal/previews/" + id + "/")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string("Content-Security-Policy", org.hamcrest.Matchers.startsWith("sandbox")))
            .andReturn()
            .getResponse();
    String html = page.getContentAsString();
    String fingerprint = page.getHeader("X-Preview-Fingerprint");
    assertThat(html)
        .contains("Nordlicht shop")
        .contains("data-tranche-watermark")
        .contains("Preview for " + world.contact().email())
        .contains(fingerprint);
    assertThat(
            io.tranche.app.support.PreviewPasses.open(
                    mvc,
                    get("/portal/previews/" + id + "/css/site.css")
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .isEqualTo("h1{color:navy}");

    World neighbour = fixtures.sibling(world, "preview-neighbour");
    mvc.perform(
            get("/portal/previews/" + id + "/")
                .with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
    World outsider = fixtures.world("preview-outsider");
    mvc.perform(
            get("/console/previews/" + id + "/")
                .with(authentication(Sessions.of(outsider.owner()))))
        .andExpect(status().isNotFound());
    io.tranche.app.support.PreviewPasses.open(
            mvc,
            get("/portal/previews/" + id + "/missing.html")
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isNotFound());

    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type ="
                        + " 'preview.viewed' and payload like ?")
                .params(world.owner().workspaceId(), "%" + fingerprint + "%")
                .query(Long.class)
                .single())
        .as("the view is in the evidence log")
        .isOne();
    mvc.perform(
            get("/api/v1/projects/" + world.project().id() + "/previews")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$[0].name").value("Shop prototype"))
        .andExpect(jsonPath("$[0].files").value(2));
  }

  @Test
  void theClientFindsAPartsPreviewsOnTheDeliverablesPageAfterTheReviewToo() throws Exception {
    World world = fixtures.world("preview-deliverables");
    UUID kept = idOf(upload(world, zip("index.html", "<html><body>Shop</body></html>"), 201));
    UUID withdrawn = idOf(upload(world, zip("index.html", "<html><body>Old</body></html>"), 201));
    var owner = authentication(Sessions.of(world.owner()));
    mvc.perform(
            post("/console/previews/" + withdrawn + "/revocation")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    String deliverables = "/portal/projects/" + world.project().id() + "/deliverables";
    String page =
        mvc.perform(get(deliverables).with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // the part has previews and no sealed file: it is listed, without a word about sealing
    assertThat(page)
        .doesNotContain("Nothing delivered yet")
        .contains(world.milestones().get(1).name())
        .contains("href=\"/portal/previews/" + kept + "/\"")
        .contains("Open Shop prototype")
        .doesNotContain(withdrawn.toString())
        .doesNotContain("Sealed until");
    // the link opens it for the client
    io.tranche.app.support.PreviewPasses.open(
            mvc,
            get("/portal/previews/" + kept + "/")
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk());

    World neighbour = fixtures.sibling(world, "preview-deliverables-neighbour");
    mvc.perform(get(deliverables).with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
    assertThat(
            mvc.perform(
                    get("/portal/projects/" + neighbour.project().id() + "/deliverables")
                        .with(authentication(Sessions.of(neighbour.contactActor()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Nothing delivered yet")
        .doesNotContain(kept.toString());
  }

  private static UUID idOf(String created) {
    return UUID.fromString(created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
  }

  @Test
  void shareLinksWorkForTheProjectsPeopleUntilTheyExpireOrAreRevoked() throws Exception {
    World world = fixtures.world("preview-link");
    String created = upload(world, zip("index.html", "<html><body>Shop</body></html>"), 201);
    UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
    var owner = authentication(Sessions.of(world.owner()));
    var contact = authentication(Sessions.of(world.contactActor()));

    String token = share(world, id);
    assertThat(
            io.tranche.app.support.PreviewPasses.open(
                    mvc, get("/portal/p/" + token + "/").with(contact))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Preview for " + world.contact().email());
    World neighbour = fixtures.sibling(world, "preview-link-neighbour");
    mvc.perform(
            get("/portal/p/" + token + "/")
                .with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/portal/p/pv_unknown/").with(contact)).andExpect(status().isNotFound());

    clock.advance(java.time.Duration.ofDays(7).plusMinutes(1));
    assertThat(
            mvc.perform(get("/portal/p/" + token + "/").with(contact))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("no longer works");

    String second = share(world, id);
    String viaLink =
        io.tranche.app.support.PreviewPasses.pass(
            mvc, get("/portal/p/" + second + "/").with(contact));
    mvc.perform(get(java.net.URI.create(viaLink))).andExpect(status().isOk());
    String direct =
        io.tranche.app.support.PreviewPasses.pass(
            mvc, get("/portal/previews/" + id + "/").with(contact));
    mvc.perform(
            post("/console/previews/" + id + "/links/revocation")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/portal/p/" + second + "/").with(contact)).andExpect(status().isGone());
    // a pass that came through a revoked link ends with it
    mvc.perform(get(java.net.URI.create(viaLink))).andExpect(status().isNotFound());
    mvc.perform(get(java.net.URI.create(direct))).andExpect(status().isOk());

    assertThat(
            mvc.perform(get("/portal/milestones/" + world.milestones().get(1).id()).with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("the part's page offers the preview (no decision waits: not 'before you decide')")
        .contains("<h2>Previews</h2>")
        .doesNotContain("before you decide")
        .contains("Nothing waits for your signature here.")
        .contains("/portal/previews/" + id + "/");

    // the vendor sees who opened it, then withdraws it: it no longer opens at all
    assertThat(
            mvc.perform(get("/console/previews/" + id + "/log").with(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(world.contact().email());
    mvc.perform(
            post("/console/previews/" + id + "/revocation")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/portal/previews/" + id + "/").with(contact)).andExpect(status().isNotFound());
    // a withdrawn preview does not open through a pass either
    mvc.perform(get(java.net.URI.create(direct))).andExpect(status().isNotFound());
  }

  @Test
  void aPassOpensOnePreviewForOneSittingWithoutASession() throws Exception {
    World world = fixtures.world("preview-pass");
    UUID id =
        id(
            upload(
                world,
                zip(
                    "index.html", "<html><body><img src=\"img/a.png\"></body></html>",
                    "img/a.png", "png"),
                201));
    var contact = authentication(Sessions.of(world.contactActor()));
    String pass =
        io.tranche.app.support.PreviewPasses.pass(
            mvc, get("/portal/previews/" + id + "/").with(contact));
    // the page's own files load with the pass alone, as a sandboxed page (no cookies) asks for them
    mvc.perform(get(java.net.URI.create(pass))).andExpect(status().isOk());
    java.sql.Timestamp seen = lastViewed(id);
    clock.advance(java.time.Duration.ofMinutes(30));
    mvc.perform(get(java.net.URI.create(pass + "img/a.png"))).andExpect(status().isOk());
    assertThat(lastViewed(id)).as("the files a page loads write nothing").isEqualTo(seen);
    mvc.perform(get(java.net.URI.create(pass))).andExpect(status().isOk());
    assertThat(lastViewed(id)).as("a page view moves the last view").isAfter(seen);
    mvc.perform(get("/preview/pp_unknown/img/a.png")).andExpect(status().isNotFound());
    // without a session there is no pass
    mvc.perform(get("/portal/previews/" + id + "/"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/portal/login")));
    clock.advance(PreviewLinks.PASS_VALIDITY.plusMinutes(1));
    assertThat(
            mvc.perform(get(java.net.URI.create(pass)))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("open the preview again");
  }

  private String share(World world, UUID preview) throws Exception {
    Object saved =
        mvc.perform(
                post("/console/previews/" + preview + "/links")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getFlashMap()
            .get("saved");
    return String.valueOf(saved).replaceAll(".*/portal/p/(pv_[A-Za-z0-9_-]+)/.*", "$1");
  }

  @Test
  void imagesAndPdfsAreWatermarkedWhenServedAndTheOriginalIsNeverHandedOut() throws Exception {
    World world = fixtures.world("preview-docs");
    java.awt.image.BufferedImage picture =
        new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = picture.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 400, 300);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(picture, "png", png);
    UUID image = id(upload(world, png.toByteArray(), 201));
    MockHttpServletResponse shown =
        io.tranche.app.support.PreviewPasses.open(
                mvc,
                get("/portal/previews/" + image + "/")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/png"))
            .andReturn()
            .getResponse();
    var served =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shown.getContentAsByteArray()));
    assertThat(served.getWidth()).isEqualTo(400);
    boolean marked = false;
    for (int x = 0; x < 400 && !marked; x++) {
      for (int y = 0; y < 300 && !marked; y++) {
        marked = served.getRGB(x, y) != java.awt.Color.WHITE.getRGB();
      }
    }
    assertThat(marked).as("the watermark is drawn into the picture").isTrue();

    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      var page = new org.apache.pdfbox.pdmodel.PDPage();
      doc.addPage(page);
      try (var c = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
        c.beginText();
        c.setFont(
            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
            14);
        c.newLineAtOffset(72, 700);
        c.showText("Design concept for Nordlicht");
        c.endText();
      }
      doc.save(pdf);
    }
    UUID document = id(upload(world, pdf.toByteArray(), 201));
    byte[] servedPdf =
        io.tranche.app.support.PreviewPasses.open(
                mvc,
                get("/portal/previews/" + document + "/")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(servedPdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Design concept for Nordlicht")
          .contains("Preview for contact-preview-docs")
          .contains(" UTC · ");
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type ="
                        + " 'preview.viewed'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isEqualTo(2L);
    assertThat(upload(world, "just text".getBytes(StandardCharsets.UTF_8), 400))
        .contains("not a site's .zip, an image, a PDF or a video");
  }

  private static UUID id(String json) {
    return UUID.fromString(json.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
  }

  @Test
  void theAcceptanceNamesThePreviewsTheClientOpened() throws Exception {
    World world = fixtures.world("preview-accept");
    fixtures.signedContract(world);
    var build = fixtures.submittedArtifact(world);
    UUID id =
        id(
            upload(
                world,
                build.milestoneId(),
                zip("index.html", "<html><body>Final</body></html>"),
                201));
    var contact = authentication(Sessions.of(world.contactActor()));
    assertThat(
            mvc.perform(get("/portal/milestones/" + build.milestoneId()).with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("(not opened yet)");
    io.tranche.app.support.PreviewPasses.open(
            mvc, get("/portal/previews/" + id + "/").with(contact))
        .andExpect(status().isOk());
    assertThat(
            mvc.perform(get("/portal/milestones/" + build.milestoneId()).with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("(you opened it)");
    fixtures.accept(world, build.milestoneId());
    assertThat(
            jdbc.sql(
                    "select payload from evidence_entry where workspace_id = ? and type ="
                        + " 'milestone.acceptance-signed'")
                .param(world.owner().workspaceId())
                .query(String.class)
                .single())
        .contains("previewsViewed")
        .contains("Shop prototype");
  }

  @Test
  void aMaliciousZipIsRefusedAndNothingIsKept() throws Exception {
    World world = fixtures.world("preview-evil");
    String refused = upload(world, zip("index.html", "ok", "../../evil.html", "x"), 400);
    assertThat(refused).contains("preview.bad-archive").contains("climbing out");
    assertThat(
            jdbc.sql("select count(*) from preview where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.preview.internal.PreviewCacheSweep sweep;

  private java.sql.Timestamp lastViewed(UUID preview) {
    return jdbc.sql("select max(last_viewed_at) from preview_view where preview_id = ?")
        .param(preview)
        .query(java.sql.Timestamp.class)
        .single();
  }

  @Test
  void leftoversOfAnUploadCutShortAreSweptAndLivePreviewsKept() throws Exception {
    World world = fixtures.world("preview-sweep");
    UUID kept = id(upload(world, zip("index.html", "<html><body>kept</body></html>"), 201));
    java.nio.file.Path root = java.nio.file.Path.of("target/test-data/previews");
    java.nio.file.Path wsDir = root.resolve(world.owner().workspaceId().toString());
    // what a kill -9 in the middle of an upload leaves: a temp file, a folder with no row
    java.nio.file.Path temp = java.nio.file.Files.createTempFile(root, ".upload-", ".bin");
    java.nio.file.Path orphan =
        java.nio.file.Files.createDirectories(wsDir.resolve(UUID.randomUUID().toString()));
    java.nio.file.Files.writeString(orphan.resolve("video.mp4"), "half a video");
    clock.advance(java.time.Duration.ofHours(2));
    assertThat(sweep.sweep()).isGreaterThanOrEqualTo(3);
    assertThat(temp).doesNotExist();
    assertThat(orphan).doesNotExist();
    assertThat(wsDir.resolve(kept.toString()).resolve("index.html")).exists();
  }
}
