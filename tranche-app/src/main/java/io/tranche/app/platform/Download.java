package io.tranche.app.platform;

import java.io.InputStream;

/** An attachment opened for download: its name, sniffed type, size and bytes. */
public record Download(String fileName, String contentType, long size, InputStream content) {}
