package io.tranche.app.platform;

/** The version a page links a static file with, e.g. {@code /css/tranche.css?v=<version>}. */
public interface AssetVersions {
  /** The version of a static file by its path, e.g. {@code /css/tranche.css}. */
  String version(String path);
}
