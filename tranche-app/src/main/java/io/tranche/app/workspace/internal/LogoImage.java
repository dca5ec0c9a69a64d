package io.tranche.app.workspace.internal;

import io.tranche.app.workspace.WorkspaceErrors;
import io.tranche.core.error.DomainException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded logo into the one Tranche keeps: only PNG, JPEG or GIF are read (by their
 * content, not their name; SVG is refused, it can carry script), the size is checked from the
 * header before any pixel is decoded (so a small file cannot unpack into gigabytes), and the image
 * is drawn afresh into a PNG of at most {@link #WIDTH} x {@link #HEIGHT} pixels, which drops any
 * metadata or trailing bytes the upload carried.
 */
public final class LogoImage {
  public static final int MAX_BYTES = 512 * 1024;
  static final int WIDTH = 600;
  static final int HEIGHT = 200;
  private static final long MAX_PIXELS = 25_000_000;
  private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

  private LogoImage() {}

  /** The logo as Tranche keeps it, or {@code workspace.bad-logo} naming what is wrong. */
  public static byte[] normalise(byte[] upload) {
    if (upload.length > MAX_BYTES) {
      throw refused(
          "is larger than 512 KiB; save it smaller (a logo needs no more than 600 x 200 px)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw refused("is not a PNG, JPEG or GIF image");
      }
      ImageReader reader = readers.next();
      try {
        if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          throw refused("is not a PNG, JPEG or GIF image");
        }
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
          throw refused("has " + width + " x " + height + " pixels; at most 25 million are read");
        }
        return png(fit(reader.read(0)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException d) {
        throw d;
      }
      throw refused("could not be read as an image");
    }
  }

  private static BufferedImage fit(BufferedImage image) {
    double scale =
        Math.min(
            1.0, Math.min((double) WIDTH / image.getWidth(), (double) HEIGHT / image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static DomainException refused(String problem) {
    return new DomainException(WorkspaceErrors.BAD_LOGO, Map.of("problem", problem));
  }
}
