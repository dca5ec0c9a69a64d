package io.tranche.app.platform;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders XHTML to PDF with openhtmltopdf, embedding the DejaVu Sans fonts shipped with the app, so
 * documents look the same everywhere and rendering needs no network and no system fonts.
 */
public final class Pdfs {
  /** The page style every document shares. */
  public static final String STYLE =
      """
      @page { size: A4; margin: 20mm 18mm; }
      body { font-family: 'DejaVu Sans'; font-size: 9.5pt; color: #1d2330; }
      h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }
      table { width: 100%; border-collapse: collapse; } td, th { border-bottom: 0.5pt solid #ccc;
      padding: 1.5mm; text-align: left; vertical-align: top; }
      .num { text-align: right; white-space: nowrap; }
      .pre { white-space: pre-wrap; } .small { font-size: 8pt; color: #555; }
      .cert { page-break-before: always; } .hash { font-size: 8pt; word-wrap: break-word; }
      """;

  private Pdfs() {}

  public static byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(font("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
      builder.useFont(
          font("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Text escaped for XHTML. */
  public static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  /** A table row of a label and its value, both escaped; a missing value is left blank. */
  public static String row(String label, @Nullable String value) {
    return "<tr><th style=\"width:40%\">"
        + escape(label)
        + "</th><td>"
        + escape(value == null ? "" : value)
        + "</td></tr>";
  }

  /** A party to a document: its name in bold, then its address lines and tax id when known. */
  public static String party(String name, @Nullable String address, @Nullable String taxId) {
    StringBuilder b = new StringBuilder("<b>").append(escape(name)).append("</b>");
    if (address != null) {
      b.append("<br/>").append(escape(address).replace("\n", "<br/>"));
    }
    if (taxId != null) {
      b.append("<br/>VAT/tax id: ").append(escape(taxId));
    }
    return b.toString();
  }

  /** A document's opening up to and including {@code <body>}. */
  public static String open(String title) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body>";
  }

  private static FSSupplier<InputStream> font(String resource) {
    return () -> Pdfs.class.getResourceAsStream(resource);
  }
}
