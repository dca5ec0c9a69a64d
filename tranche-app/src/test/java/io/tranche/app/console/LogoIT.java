package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.account.MagicLinkService;
import io.tranche.app.invoice.InvoiceDocuments;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The business's logo: uploaded by the owner on the settings page (or the API), kept re-encoded and
 * small, shown to the workspace's members and its clients' contacts, in its mails and on its PDFs;
 * anything that is not a small PNG, JPEG or GIF is refused next to the field and changes nothing.
 */
class LogoIT extends IntegrationTest {
  @Autowired MagicLinkService invitations;
  @Autowired InvoiceDocuments documents;

  @Test
  void theOwnersLogoIsKeptSmallAndShownOnPagesMailsAndInvoices() throws Exception {
    World world = fixtures.world("logo");
    byte[] upload = withTextChunk(png(1200, 400), "Author", "secret-author-name");
    mvc.perform(
            multipart("/console/settings/logo")
                .file(new MockMultipartFile("logo", "logo.png", "image/png", upload))
                .with(csrf())
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().is3xxRedirection());

    byte[] kept =
        mvc.perform(get("/console/logo").with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept));
    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getHeight()).isEqualTo(200);
    assertThat(new String(kept, StandardCharsets.ISO_8859_1))
        .as("drawn afresh: the upload's metadata is gone")
        .doesNotContain("secret-author-name");
    assertThat(
            mvc.perform(get("/portal/logo").with(authentication(Sessions.of(world.contactActor()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .as("the client's contact sees the same logo")
        .isEqualTo(kept);
    World other = fixtures.world("logo-other");
    mvc.perform(get("/portal/logo").with(authentication(Sessions.of(other.contactActor()))))
        .andExpect(status().isNotFound());

    String sha =
        jdbc.sql("select logo_sha256 from workspace where id = ?")
            .param(world.owner().workspaceId())
            .query(String.class)
            .single();
    assertThat(
            mvc.perform(get("/console/settings").with(authentication(Sessions.of(world.owner()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("/console/logo?v=" + sha)
        .contains("Remove the logo");

    // a mail shows it inline, and the invoice PDF carries it
    invitations.invite(world.owner(), world.contact().id(), world.project().id());
    var mail = TestMail.awaitMailTo(world.contact().email(), "invites you to");
    assertThat(TestMail.html(mail)).contains("src=\"cid:logo\"");
    assertThat(inlineImage(mail)).as("the logo travels inside the mail").isEqualTo(kept);
    var pdf = documents.invoicePdf(world.owner(), fixtures.invoice(world));
    try (var in = pdf.content();
        PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
      var resources = doc.getPage(0).getResources();
      boolean image600 = false;
      for (COSName name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject x && x.getWidth() == 600) {
          image600 = true;
        }
      }
      assertThat(image600).as("the invoice shows the logo").isTrue();
    }
  }

  @Test
  void whatIsNotASmallImageIsRefusedNextToTheFieldAndChangesNothing() throws Exception {
    World world = fixtures.world("logo-bad");
    var owner = authentication(Sessions.of(world.owner()));
    mvc.perform(
            multipart("/console/settings/logo")
                .file(new MockMultipartFile("logo", "a.png", "image/png", png(80, 40)))
                .with(csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    String before = sha(world);

    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    assertRefused(world, svg.getBytes(StandardCharsets.UTF_8), "is not a PNG, JPEG or GIF image");
    assertRefused(world, new byte[600 * 1024], "is larger than 512 KiB");
    assertRefused(world, pngHeader(100_000, 100_000), "at most 25 million are read");
    assertRefused(world, new byte[0], "was not chosen");
    assertThat(sha(world)).as("the earlier logo stays").isEqualTo(before);

    // only the owner changes it
    io.tranche.app.platform.Actor plainMember =
        new io.tranche.app.platform.Actor(
            io.tranche.app.platform.ActorKind.MEMBER,
            java.util.UUID.randomUUID(),
            world.owner().workspaceId(),
            "m@vendor.test",
            false);
    mvc.perform(
            multipart("/console/settings/logo")
                .file(new MockMultipartFile("logo", "b.png", "image/png", png(30, 30)))
                .with(csrf())
                .with(authentication(Sessions.of(plainMember))))
        .andExpect(status().isForbidden());
    assertThat(sha(world)).isEqualTo(before);
    mvc.perform(
            put("/api/v1/settings/logo")
                .contentType(MediaType.IMAGE_PNG)
                .content(png(10, 10))
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").isNumber());
    mvc.perform(
            put("/api/v1/settings/logo")
                .contentType(MediaType.IMAGE_PNG)
                .content("not an image".getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("workspace.bad-logo"));
    mvc.perform(
            delete("/api/v1/settings/logo").header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isNoContent());
    assertThat(sha(world)).isNull();
  }

  private void assertRefused(World world, byte[] bytes, String problem) throws Exception {
    String page =
        mvc.perform(
                multipart("/console/settings/logo")
                    .file(new MockMultipartFile("logo", "logo.png", "image/png", bytes))
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().is4xxClientError())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"logo-error\"")
        .contains(problem)
        .contains("aria-describedby=\"logo-error\"");
  }

  private String sha(World world) {
    return jdbc.sql("select logo_sha256 from workspace where id = ?")
        .param(world.owner().workspaceId())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static byte[] inlineImage(jakarta.mail.Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof jakarta.mail.Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        byte[] found = inlineImage(parts.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    } else if (part instanceof jakarta.mail.internet.MimeBodyPart body
        && "<logo>".equals(body.getContentID())) {
      try (var in = body.getInputStream()) {
        return in.readAllBytes();
      }
    }
    return null;
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x24, 0x56, 0xd6));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A PNG with a text chunk (metadata) right after its header. */
  private static byte[] withTextChunk(byte[] png, String key, String value) {
    byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    byte[] chunk = chunk("tEXt", data);
    int afterHeader = 8 + 25; // signature, then IHDR (length, type, 13 bytes, crc)
    ByteBuffer out = ByteBuffer.allocate(png.length + chunk.length);
    out.put(png, 0, afterHeader).put(chunk).put(png, afterHeader, png.length - afterHeader);
    return out.array();
  }

  /** Only a PNG's signature and header, claiming a size that would unpack into gigabytes. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    byte[] header = chunk("IHDR", ihdr.array());
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    ByteBuffer out = ByteBuffer.allocate(signature.length + header.length);
    return out.put(signature).put(header).array();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(name)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }
}
