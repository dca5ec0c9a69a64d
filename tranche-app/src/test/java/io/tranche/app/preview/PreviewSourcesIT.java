package io.tranche.app.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Previews that are not a site's zip: a staging site the vendor runs (fetched through Tranche, its
 * address never reaching the client) and a video (a copy with the watermark burned in by ffmpeg; as
 * uploaded, and said so, when the server has no ffmpeg).
 */
class PreviewSourcesIT extends IntegrationTest {
  @Autowired PreviewUploads uploads;
  @Autowired VideoPreparation preparation;
  @Autowired PreviewService reads;
  @Autowired io.tranche.app.preview.internal.PreviewCacheSweep sweep;

  private HttpServer staging;
  private final List<String> cookiesSeen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startStaging() throws Exception {
    staging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String origin = "http://127.0.0.1:" + staging.getAddress().getPort();
    staging.createContext(
        "/",
        exchange -> {
          String cookie = exchange.getRequestHeaders().getFirst("Cookie");
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          cookiesSeen.add(cookie == null && auth == null ? "none" : cookie + "/" + auth);
          String path = exchange.getRequestURI().getPath();
          byte[] body;
          String type;
          int status = 200;
          switch (path) {
            case "/app/" -> {
              type = "text/html; charset=utf-8";
              body =
                  ("<html><head><link rel=\"stylesheet\" href=\"/app/site.css\"></head><body>"
                          + "<h1>Staging shop</h1><a href=\""
                          + origin
                          + "/app/cart?x=1\">Cart</a><img src=\"logo.png\">"
                          + "<script>var api = \""
                          + origin
                          + "/api\";</script></body></html>")
                      .getBytes(StandardCharsets.UTF_8);
            }
            case "/app/site.css" -> {
              type = "text/css";
              body = "body{background:url(/app/bg.png)}".getBytes(StandardCharsets.UTF_8);
            }
            case "/app/logo.png" -> {
              type = "image/png";
              body = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
            }
            case "/app/old" -> {
              type = "text/plain";
              body = new byte[0];
              status = 302;
              exchange.getResponseHeaders().add("Location", origin + "/app/");
            }
            case "/app/away" -> {
              type = "text/plain";
              body = new byte[0];
              status = 302;
              exchange.getResponseHeaders().add("Location", "https://auth.example.net/login");
            }
            default -> {
              type = "text/plain";
              body = "no such page".getBytes(StandardCharsets.UTF_8);
              status = 404;
            }
          }
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.getResponseHeaders().add("Set-Cookie", "staging_session=secret");
          exchange.getResponseHeaders().add("Server", "staging-internal/1.0");
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    staging.start();
  }

  @AfterEach
  void stopStaging() throws Exception {
    staging.stop(0);
    uploads.useFfmpeg("ffmpeg");
    preparation.useFfmpeg("ffmpeg");
    // a test that failed while ffmpeg was held lets it go, so no encode is left holding a place
    if (gate != null && !Files.exists(gate.resolve("go"))) {
      Files.createFile(gate.resolve("go"));
    }
    gate = null;
  }

  /** The folder of the held ffmpeg's script and files, while a test holds it. */
  private Path gate;

  private String stagingOrigin() {
    return "http://127.0.0.1:" + staging.getAddress().getPort();
  }

  private UUID upstreamPreview(World world, String url) throws Exception {
    String created =
        mvc.perform(
                put("/api/v1/milestones/" + world.milestones().get(1).id() + "/previews")
                    .contentType("application/json")
                    .content("{\"name\":\"Staging shop\",\"upstreamUrl\":\"" + url + "\"}")
                    .header("Authorization", "Bearer " + world.apiToken()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.kind").value("UPSTREAM"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(created).as("the API never hands out the staging address").doesNotContain(url);
    return idOf(created);
  }

  @Test
  void aStagingSiteIsShownThroughTrancheWithoutItsAddressOrCookies() throws Exception {
    World world = fixtures.world("upstream");
    UUID id = upstreamPreview(world, stagingOrigin() + "/app/");
    RequestPostProcessor contact = authentication(Sessions.of(world.contactActor()));
    String entry = "/portal/previews/" + id;
    String prefix =
        io.tranche.app.support.PreviewPasses.pass(mvc, get(entry + "/").with(contact))
            .replaceAll("/$", "");

    mvc.perform(get(prefix + "/"))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Location", prefix + "/app/"));
    MockHttpServletResponse page =
        mvc.perform(
                get(prefix + "/app/")
                    .header("Cookie", "SESSION=tranche-session-secret")
                    .header("Authorization", "Bearer not-for-upstream"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    String html = page.getContentAsString();
    assertThat(html)
        .contains("Staging shop")
        .contains("Preview for " + world.contact().email())
        .contains("href=\"" + prefix + "/app/site.css\"")
        .contains("href=\"" + prefix + "/app/cart?x=1\"")
        .contains("var api = \"" + prefix + "/api\"")
        .doesNotContain("127.0.0.1");
    assertThat(page.getHeaders("Set-Cookie"))
        .as("the staging site's cookies stay with Tranche's fetch")
        .noneMatch(c -> c.contains("staging_session"));
    assertThat(page.getHeader("Server")).isNull();
    assertThat(page.getHeader("Content-Security-Policy")).startsWith("sandbox");
    assertThat(cookiesSeen)
        .as("the staging site never sees the viewer's cookies")
        .containsOnly("none");

    assertThat(
            mvc.perform(get(prefix + "/app/site.css"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .isEqualTo("body{background:url(" + prefix + "/app/bg.png)}");
    assertThat(
            mvc.perform(get(prefix + "/app/logo.png"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .containsExactly((byte) 0x89, 'P', 'N', 'G', 1, 2, 3);
    mvc.perform(get(prefix + "/app/old"))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Location", prefix + "/app/"));
    assertThat(
            mvc.perform(get(prefix + "/app/away"))
                .andExpect(status().isBadGateway())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("another address")
        .doesNotContain("auth.example.net");
    mvc.perform(get(prefix + "/app/nothing")).andExpect(status().isNotFound());

    World neighbour = fixtures.sibling(world, "upstream-neighbour");
    mvc.perform(get(entry + "/app/").with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type ="
                        + " 'preview.viewed' and payload like ?")
                .params(
                    world.owner().workspaceId(),
                    "%" + page.getHeader("X-Preview-Fingerprint") + "%")
                .query(Long.class)
                .single())
        .as("each page view is evidence")
        .isOne();

    staging.stop(0);
    assertThat(
            mvc.perform(get(prefix + "/app/"))
                .andExpect(status().isBadGateway())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("does not answer");
  }

  @Test
  void aStagingAddressThatIsNotAWebSiteIsRefusedByField() throws Exception {
    World world = fixtures.world("upstream-bad");
    for (String bad :
        List.of("ftp://files.example.com/", "https://user:pw@staging.example.com/", "not a url")) {
      mvc.perform(
              put("/api/v1/milestones/" + world.milestones().get(1).id() + "/previews")
                  .contentType("application/json")
                  .content("{\"upstreamUrl\":\"" + bad + "\"}")
                  .header("Authorization", "Bearer " + world.apiToken()))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("preview.bad-upstream"))
          .andExpect(jsonPath("$.errors[0].field").value("upstreamUrl"));
    }
    // the console form shows the refusal and adds nothing
    UUID part = world.milestones().get(1).id();
    var refused =
        mvc.perform(
                post("/console/milestones/" + part + "/previews/upstream")
                    .param("url", "javascript:alert(1)")
                    .param("name", "Staging shop")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    @SuppressWarnings("unchecked")
    java.util.Map<String, String> error =
        (java.util.Map<String, String>) refused.getFlashMap().get("previewError");
    assertThat(error.get("message")).contains("http://");
    // the refusal is said next to that part's field, with what was typed
    String page =
        mvc.perform(
                get("/console/projects/" + world.project().id() + "/deliverables")
                    .requestAttr(
                        org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
                        refused.getFlashMap())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"upstream-error-" + part + "\"")
        .contains("aria-describedby=\"upstream-error-" + part + "\"")
        .contains("value=\"javascript:alert(1)\"")
        .contains("value=\"Staging shop\"")
        .doesNotContain("id=\"deliverables-error\"");
    assertThat(
            jdbc.sql("select count(*) from preview where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
  }

  private static byte[] ffmpegVideo(Path dir) throws Exception {
    Path out = dir.resolve("clip.mp4");
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=1:size=320x240:rate=10",
                "-pix_fmt",
                "yuv420p",
                out.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("ffmpeg (installed by .ci/run) makes a test video").isZero();
    return Files.readAllBytes(out);
  }

  /** The first frame of a video, read back with ffmpeg. */
  private static BufferedImage frame(Path dir, byte[] video, String name) throws Exception {
    Path in = dir.resolve(name + ".mp4");
    Path png = dir.resolve(name + ".png");
    Files.write(in, video);
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-i",
                in.toString(),
                "-vf",
                "scale=320:240",
                "-frames:v",
                "1",
                png.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return ImageIO.read(png.toFile());
  }

  private String uploadVideo(World world, byte[] video, int status) throws Exception {
    return mvc.perform(
            put("/api/v1/milestones/" + world.milestones().get(1).id() + "/previews")
                .param("name", "Walkthrough")
                .contentType("video/mp4")
                .content(video)
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aVideoIsShownAsACopyWithTheWatermarkBurnedIn() throws Exception {
    Path dir = Files.createTempDirectory("video-preview");
    World world = fixtures.world("video");
    byte[] clip = ffmpegVideo(dir);
    String created = uploadVideo(world, clip, 201);
    assertThat(created)
        .contains("\"kind\":\"VIDEO\"")
        .contains("\"asUploaded\":false")
        .contains("\"state\":\"PREPARING\"");
    UUID id = idOf(created);
    awaitState(id, "READY");
    RequestPostProcessor contact = authentication(Sessions.of(world.contactActor()));
    String entry = "/portal/previews/" + id;
    String prefix =
        io.tranche.app.support.PreviewPasses.pass(mvc, get(entry + "/").with(contact))
            .replaceAll("/$", "");

    String html =
        mvc.perform(get(prefix + "/"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("<video")
        .contains("src=\"video\"")
        .contains("Preview for " + world.contact().email())
        .contains("the watermark is part of the picture");

    MockHttpServletResponse part =
        mvc.perform(get(prefix + "/video").header("Range", "bytes=0-99"))
            .andExpect(status().isPartialContent())
            .andReturn()
            .getResponse();
    assertThat(part.getContentAsByteArray()).hasSize(100);
    byte[] served =
        mvc.perform(get(prefix + "/video"))
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                    .contentType("video/mp4"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(served).isNotEqualTo(clip);
    BufferedImage before = frame(dir, clip, "before");
    BufferedImage after = frame(dir, served, "after");
    assertThat(difference(before, after))
        .as("the watermark changed the middle of the picture")
        .isGreaterThan(4.0);

    World outsider = fixtures.world("video-outsider");
    mvc.perform(get(entry + "/video").with(authentication(Sessions.of(outsider.contactActor()))))
        .andExpect(status().isNotFound());

    // something that starts like an MP4 but is none is refused, and leaves nothing behind
    Path cache = Path.of("target/test-data/previews", world.owner().workspaceId().toString());
    long before2 = count(cache);
    byte[] fake =
        "\0\0\0\u0018ftypisomrubbish that is no video".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(uploadVideo(world, fake, 400))
        .contains("could not be read as a video (the file: Invalid data found")
        .as("no server path in the answer")
        .doesNotContain("test-data");
    assertThat(count(cache)).isEqualTo(before2);
  }

  @Test
  void withoutFfmpegAVideoIsShownAsUploadedAndThePageSaysSo() throws Exception {
    Path dir = Files.createTempDirectory("video-preview");
    World world = fixtures.world("video-plain");
    byte[] clip = ffmpegVideo(dir);
    uploads.useFfmpeg("/nonexistent/ffmpeg");
    String created;
    try {
      created = uploadVideo(world, clip, 201);
    } finally {
      uploads.useFfmpeg("ffmpeg");
    }
    assertThat(created).contains("\"asUploaded\":true");
    UUID id = idOf(created);
    RequestPostProcessor contact = authentication(Sessions.of(world.contactActor()));
    assertThat(
            io.tranche.app.support.PreviewPasses.open(
                    mvc, get("/portal/previews/" + id + "/").with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("shown as it was uploaded")
        .contains("no ffmpeg")
        .contains("Preview for " + world.contact().email());
    assertThat(
            io.tranche.app.support.PreviewPasses.open(
                    mvc, get("/portal/previews/" + id + "/video").with(contact))
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .isEqualTo(clip);
    assertThat(
            mvc.perform(
                    get("/console/projects/" + world.project().id() + "/deliverables")
                        .with(authentication(Sessions.of(world.owner()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("shown as uploaded (no ffmpeg here)");
  }

  @Test
  void aVideoIsPreparedAfterItsUploadIsAnsweredAndViewersAreToldMeanwhile() throws Exception {
    Path dir = Files.createTempDirectory("video-preview");
    World world = fixtures.world("video-later");
    byte[] clip = ffmpegVideo(dir);
    gateFfmpeg(dir);
    String created = uploadVideo(world, clip, 201);
    assertThat(created).contains("\"state\":\"PREPARING\"");
    UUID id = idOf(created);
    RequestPostProcessor contact = authentication(Sessions.of(world.contactActor()));
    String prefix =
        io.tranche.app.support.PreviewPasses.pass(
                mvc, get("/portal/previews/" + id + "/").with(contact))
            .replaceAll("/$", "");
    try {
      // ffmpeg is held: the upload has been answered, the copy is not made yet
      assertThat(mvc.perform(get(prefix + "/")).andReturn().getResponse().getContentAsString())
          .contains("This video is being prepared")
          .contains("http-equiv=\"refresh\"")
          .doesNotContain("<video");
      mvc.perform(get(prefix + "/video")).andExpect(status().isNotFound());
      assertThat(consoleDeliverables(world)).contains("being prepared");
      assertThat(views(id)).as("a page saying the video is not ready is no view of it").isZero();
      assertThat(portalMilestone(world)).contains("being prepared, ready in a few minutes");
      assertThat(portalDeliverables(world))
          .contains("being prepared, ready in a few minutes")
          .doesNotContain("/portal/previews/" + id + "/");
      assertThat(reads.offered(world.owner().workspaceId(), world.milestones().get(1).id()))
          .as("an acceptance names only previews the client could open")
          .noneMatch(p -> p.id().equals(id));
    } finally {
      Files.createFile(dir.resolve("go"));
    }
    awaitState(id, "READY");
    assertThat(mvc.perform(get(prefix + "/")).andReturn().getResponse().getContentAsString())
        .contains("<video")
        .contains("the watermark is part of the picture");
    mvc.perform(get(prefix + "/video")).andExpect(status().isOk());
    assertThat(views(id)).isEqualTo(1);
    assertThat(portalDeliverables(world))
        .contains("/portal/previews/" + id + "/")
        .doesNotContain("being prepared");
    assertThat(consoleDeliverables(world)).doesNotContain("being prepared");
    assertThat(reads.offered(world.owner().workspaceId(), world.milestones().get(1).id()))
        .anyMatch(p -> p.id().equals(id));
    Path folder =
        Path.of("target/test-data/previews", world.owner().workspaceId().toString(), id.toString());
    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the upload is gone once its copy is made")
          .containsExactly("video.mp4");
    }
    assertThat(prepared(world)).isEqualTo(1);
    UUID workspace = world.owner().workspaceId();
    byte[] copy = Files.readAllBytes(folder.resolve("video.mp4"));

    // run again once it is READY (a second task for it): nothing changes
    preparation.prepare(id.toString(), workspace.toString());
    assertThat(prepared(world)).as("made ready once, kept as evidence once").isEqualTo(1);

    // a server that died between moving the copy into place and writing READY: the copy is
    // whole (the move is atomic), so a second run takes it without encoding again
    setState(id, "PREPARING");
    preparation.prepare(id.toString(), workspace.toString());
    assertThat(state(id)).isEqualTo("READY");
    assertThat(Files.readAllBytes(folder.resolve("video.mp4"))).isEqualTo(copy);

    // a server that died while encoding: the upload is still there, no copy yet; it is encoded
    Files.delete(folder.resolve("video.mp4"));
    Files.write(folder.resolve("upload.mp4"), clip);
    setState(id, "PREPARING");
    preparation.prepare(id.toString(), workspace.toString());
    assertThat(state(id)).isEqualTo("READY");
    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("video.mp4");
    }

    // a server that died after READY, before deleting the upload: the sweep at start removes it
    Files.write(folder.resolve("upload.mp4"), clip);
    sweep.sweep();
    assertThat(folder.resolve("upload.mp4")).doesNotExist();
    assertThat(folder.resolve("video.mp4")).exists();

    // withdrawn while it waited: no copy, the upload goes, the vendor is not told it is ready
    Files.write(folder.resolve("upload.mp4"), clip);
    Files.delete(folder.resolve("video.mp4"));
    setState(id, "PREPARING");
    jdbc.sql("update preview set revoked_at = ? where id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), id)
        .update();
    preparation.prepare(id.toString(), workspace.toString());
    assertThat(state(id)).isEqualTo("PREPARING");
    try (var files = Files.list(folder)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theConsoleSaysAVideoIsBeingPreparedAndAnImageIsReadyAtOnce() throws Exception {
    Path dir = Files.createTempDirectory("video-preview");
    World world = fixtures.world("video-console");
    byte[] clip = ffmpegVideo(dir);
    gateFfmpeg(dir);
    String form = "/console/milestones/" + world.milestones().get(1).id() + "/previews";
    RequestPostProcessor owner = authentication(Sessions.of(world.owner()));
    try {
      String video =
          flashSaved(
              mvc.perform(
                      multipart(form)
                          .file(new MockMultipartFile("zip", "walkthrough.mp4", "video/mp4", clip))
                          .param("name", "Walkthrough")
                          .with(csrf())
                          .with(owner))
                  .andExpect(status().is3xxRedirection())
                  .andReturn());
      assertThat(video)
          .contains("being burned into every frame")
          .contains("once that is done")
          .doesNotContain("can open it now");
    } finally {
      Files.createFile(dir.resolve("go"));
    }
    // made before the next test holds ffmpeg again
    awaitState(
        jdbc.sql("select id from preview where milestone_id = ? and name = 'Walkthrough'")
            .param(world.milestones().get(1).id())
            .query(UUID.class)
            .single(),
        "READY");

    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png);
    String image =
        flashSaved(
            mvc.perform(
                    multipart(form)
                        .file(
                            new MockMultipartFile(
                                "zip", "mockup.png", "image/png", png.toByteArray()))
                        .param("name", "Mock-up")
                        .with(csrf())
                        .with(owner))
                .andExpect(status().is3xxRedirection())
                .andReturn());
    assertThat(image).isEqualTo("Preview uploaded: the client can open it now.");

    String none =
        ((java.util.Map<?, ?>)
                mvc.perform(
                        multipart(form)
                            .file(
                                new MockMultipartFile(
                                    "zip", "", "application/octet-stream", new byte[0]))
                            .with(csrf())
                            .with(owner))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getFlashMap()
                    .get("previewError"))
            .get("message")
            .toString();
    assertThat(none).contains("no file was chosen").contains("a PDF or a video");
  }

  private static String flashSaved(org.springframework.test.web.servlet.MvcResult result) {
    assertThat(result.getFlashMap().get("error")).as("error").isNull();
    return (String) result.getFlashMap().get("saved");
  }

  @Test
  void atMostTwoVideosAreEncodedAtOnceAndTheOthersWait() throws Exception {
    Path dir = Files.createTempDirectory("video-preview");
    World world = fixtures.world("video-queue");
    byte[] clip = ffmpegVideo(dir);
    gateFfmpeg(dir);
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String created = uploadVideo(world, clip, 201);
      ids.add(idOf(created));
    }
    Path started = dir.resolve("started");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> Files.exists(started) && Files.readAllLines(started).size() == 2);
    Thread.sleep(3000);
    assertThat(Files.readAllLines(started)).as("encodes running while two are held").hasSize(2);
    Files.createFile(dir.resolve("go"));
    for (UUID id : ids) {
      awaitState(id, "READY");
    }
    assertThat(Files.readAllLines(started)).hasSize(3);
  }

  private String state(UUID id) {
    return jdbc.sql("select state from preview where id = ?")
        .param(id)
        .query(String.class)
        .single()
        .trim();
  }

  private void setState(UUID id, String state) {
    jdbc.sql("update preview set state = ? where id = ?").params(state, id).update();
  }

  private int prepared(World world) {
    return jdbc.sql(
            "select count(*) from evidence_entry"
                + " where workspace_id = ? and type = 'preview.prepared'")
        .param(world.owner().workspaceId())
        .query(Integer.class)
        .single();
  }

  @Test
  void aVideoFfmpegCannotMarkIsShownAsFailedWithWhatFfmpegSaid() throws Exception {
    Path dir = Files.createTempDirectory("video-preview");
    World world = fixtures.world("video-failed");
    byte[] clip = ffmpegVideo(dir);
    Files.createFile(dir.resolve("fail"));
    Files.createFile(dir.resolve("go"));
    gateFfmpeg(dir);
    String created = uploadVideo(world, clip, 201);
    UUID id = idOf(created);
    awaitState(id, "FAILED");
    assertThat(consoleDeliverables(world))
        .contains("Could not be prepared: it could not be read as a video (Conversion failed: held")
        .as("a preview nobody can open is not shared")
        .doesNotContain("Share link (7 days)");
    var told =
        TestMail.awaitMailTo(
            world.ownerEmail(), "Video preview could not be prepared: Walkthrough");
    assertThat(TestMail.text(told))
        .contains("Conversion failed: held by the test")
        .contains("the client is not offered it");
    assertThat(
            io.tranche.app.support.PreviewPasses.open(
                    mvc,
                    get("/portal/previews/" + id + "/")
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("This video could not be prepared")
        .doesNotContain("<video");
    assertThat(portalMilestone(world))
        .as("the client is not offered a video that could not be prepared")
        .doesNotContain("Open Walkthrough");
    Path folder =
        Path.of("target/test-data/previews", world.owner().workspaceId().toString(), id.toString());
    assertThat(count(folder)).as("only the folder is left").isEqualTo(1);
  }

  /**
   * Has uploads and the preparation run ffmpeg behind a script in {@code gate} that holds the
   * watermark burn until a file "go" is there, and fails it when a file "fail" is (until the test
   * ends).
   */
  private void gateFfmpeg(Path gate) throws Exception {
    Path script = gate.resolve("ffmpeg-gate.sh");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "case \"$*\" in *libx264*)\n"
            + "  echo started >> '"
            + gate.resolve("started")
            + "'\n"
            + "  while [ ! -e '"
            + gate.resolve("go")
            + "' ]; do sleep 0.1; done\n"
            + "  if [ -e '"
            + gate.resolve("fail")
            + "' ]; then echo 'Conversion failed: held by the test' >&2; exit 1; fi;;\n"
            + "esac\n"
            + "exec ffmpeg \"$@\"\n");
    script.toFile().setExecutable(true);
    this.gate = gate;
    uploads.useFfmpeg(script.toString());
    preparation.useFfmpeg(script.toString());
  }

  private void awaitState(UUID id, String state) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> state(id).equals(state));
  }

  /** The id of the preview an upload's answer describes. */
  private static UUID idOf(String created) {
    return UUID.fromString(created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
  }

  private int views(UUID id) {
    return jdbc.sql("select count(*) from preview_view where preview_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private String portalMilestone(World world) throws Exception {
    return mvc.perform(
            get("/portal/milestones/" + world.milestones().get(1).id())
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String portalDeliverables(World world) throws Exception {
    return mvc.perform(
            get("/portal/projects/" + world.project().id() + "/deliverables")
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String consoleDeliverables(World world) throws Exception {
    return mvc.perform(
            get("/console/projects/" + world.project().id() + "/deliverables")
                .with(authentication(Sessions.of(world.owner()))))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static long count(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var walk = Files.walk(dir)) {
      return walk.count();
    }
  }

  /** The mean difference of grey level over the middle third of two same-sized pictures. */
  private static double difference(BufferedImage a, BufferedImage b) {
    double total = 0;
    int n = 0;
    for (int y = a.getHeight() / 3; y < 2 * a.getHeight() / 3; y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        total += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
        n++;
      }
    }
    return total / n;
  }

  private static int grey(int rgb) {
    return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
  }
}
