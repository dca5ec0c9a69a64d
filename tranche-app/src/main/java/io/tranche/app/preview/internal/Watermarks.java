package io.tranche.app.preview.internal;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * The viewer's name, the time and a fingerprint, written onto what a preview shows: an overlay on
 * HTML pages, drawn into images (Java2D) and onto every page of a PDF (PDFBox), each time it is
 * served. The original is never handed out.
 */
public final class Watermarks {
  private Watermarks() {}

  /** The HTML with a fixed, see-through overlay carrying {@code lines}. */
  public static String html(String html, String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(text.length() == 0 ? "" : "<br>").append(escape(line));
    }
    String mark =
        "<div data-tranche-watermark aria-hidden=\"true\" style=\"position:fixed;inset:0;"
            + "pointer-events:none;z-index:2147483647;display:flex;align-items:center;"
            + "justify-content:center;text-align:center;opacity:.22;color:#b3261e;"
            + "font:700 26px/1.4 sans-serif;transform:rotate(-24deg)\">"
            + text
            + "</div>";
    int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    return end < 0 ? html + mark : html.substring(0, end) + mark + html.substring(end);
  }

  /** A PNG of the image with {@code text} drawn across it, see-through, several times. */
  public static byte[] image(byte[] original, String text) {
    try {
      BufferedImage source = ImageIO.read(new ByteArrayInputStream(original));
      if (source == null) {
        throw new IllegalArgumentException("not an image");
      }
      BufferedImage out =
          new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      try {
        g.drawImage(source, 0, 0, Color.WHITE, null);
        g.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(14, Math.min(out.getWidth(), out.getHeight()) / 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.3f));
        g.setColor(new Color(0xb3, 0x26, 0x1e));
        g.rotate(Math.toRadians(-24), out.getWidth() / 2.0, out.getHeight() / 2.0);
        for (int y = -out.getHeight(); y < out.getHeight() * 2; y += size * 5) {
          g.drawString(text, -out.getWidth() / 4, y);
        }
      } finally {
        g.dispose();
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(out, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF with {@code text} across every page, see-through. */
  public static byte[] pdf(byte[] original, String text) {
    try (PDDocument doc = Loader.loadPDF(original)) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
      faint.setNonStrokingAlphaConstant(0.25f);
      for (PDPage page : doc.getPages()) {
        PDRectangle box = page.getMediaBox();
        float size = Math.max(12, Math.min(box.getWidth(), box.getHeight()) / 24);
        try (PDPageContentStream c =
            new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          c.setGraphicsStateParameters(faint);
          c.setNonStrokingColor(new Color(0xb3, 0x26, 0x1e));
          for (float y = box.getHeight() * 0.2f; y < box.getHeight(); y += box.getHeight() * 0.3f) {
            c.beginText();
            c.setFont(font, size);
            c.setTextMatrix(
                Matrix.getRotateInstance(Math.toRadians(24), box.getWidth() * 0.08f, y));
            c.showText(ascii(text));
            c.endText();
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Helvetica (WinAnsi) writes Latin-1 text; anything else becomes '?'. */
  private static String ascii(String s) {
    return s.chars()
        .map(ch -> (ch >= 0x20 && ch < 0x7f) || (ch >= 0xa0 && ch <= 0xff) ? ch : '?')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  /** The media type a site's file is served with, by its extension. */
  public static String mediaType(String path) {
    int dot = path.lastIndexOf('.');
    String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(TYPES.get(ext)).orElse("application/octet-stream");
  }
}
