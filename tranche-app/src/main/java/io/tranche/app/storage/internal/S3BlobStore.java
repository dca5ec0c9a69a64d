package io.tranche.app.storage.internal;

import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Blobs in an S3-compatible bucket. A blob is written as a multipart upload, which S3 makes visible
 * only when it is completed — the object store's own "temporary object, then commit"; an aborted or
 * abandoned upload never shows. Parts are buffered 8 MiB at a time, so memory use does not grow
 * with a blob's size. Reads are ranged GETs.
 */
@Component
@ConditionalOnProperty(name = "tranche.storage.backend", havingValue = "s3")
class S3BlobStore implements BlobStore, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
  private static final Pattern KEY = Pattern.compile("blobs/[0-9a-f-]{36}");
  static final int PART_SIZE = 8 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;

  S3BlobStore(
      @Value("${tranche.storage.s3.endpoint}") String endpoint,
      @Value("${tranche.storage.s3.region}") String region,
      @Value("${tranche.storage.s3.bucket}") String bucket,
      @Value("${tranche.storage.s3.access-key}") String accessKey,
      @Value("${tranche.storage.s3.secret-key}") String secretKey,
      @Value("${tranche.storage.s3.path-style}") boolean pathStyle) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(region))
            .forcePathStyle(pathStyle)
            // checksums only where S3 requires them: S3-compatible servers often lack the
            // trailing-checksum upload encoding the SDK uses by default
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create());
    if (!endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    builder.credentialsProvider(
        accessKey.isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    this.s3 = builder.build();
    this.bucket = bucket;
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
      log.info("created bucket {}", bucket);
    }
  }

  @Override
  public BlobWriter create() {
    String key = "blobs/" + UUID.randomUUID();
    return new Upload(key);
  }

  @Override
  public InputStream open(String key, long offset) throws IOException {
    check(key);
    try {
      return offset == 0
          ? s3.getObject(b -> b.bucket(bucket).key(key))
          : s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + offset + "-"));
    } catch (NoSuchKeyException e) {
      throw new java.io.FileNotFoundException(key);
    } catch (SdkException e) {
      throw new IOException("cannot read " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long size(String key) throws IOException {
    check(key);
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    } catch (NoSuchKeyException e) {
      throw new java.io.FileNotFoundException(key);
    } catch (SdkException e) {
      throw new IOException("cannot read " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    check(key);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
      for (MultipartUpload u :
          s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads()) {
        if (u.key().equals(key)) {
          s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(u.uploadId()));
        }
      }
    } catch (SdkException e) {
      throw new IOException("cannot delete " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void destroy() {
    s3.close();
  }

  private static void check(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a blob key");
    }
  }

  /** One multipart upload: parts of {@link #PART_SIZE}, the last one smaller. */
  private final class Upload implements BlobWriter {
    private final String key;
    private final byte[] part = new byte[PART_SIZE];
    private final List<CompletedPart> parts = new ArrayList<>();
    private @Nullable String uploadId;
    private int filled;
    private boolean committed;
    private boolean closed;

    Upload(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }

    private final OutputStream stream =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            append(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            append(b, off, len);
          }
        };

    @Override
    public OutputStream stream() {
      return stream;
    }

    private void append(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, PART_SIZE - filled);
        System.arraycopy(b, off, part, filled, n);
        filled += n;
        off += n;
        len -= n;
        if (filled == PART_SIZE) {
          flushPart();
        }
      }
    }

    private void flushPart() throws IOException {
      try {
        if (uploadId == null) {
          uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        }
        int number = parts.size() + 1;
        String etag =
            s3.uploadPart(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled)))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
      } catch (SdkException e) {
        throw new IOException("cannot write " + key + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void commit() throws IOException {
      if (filled > 0 || parts.isEmpty()) {
        flushPart();
      }
      try {
        s3.completeMultipartUpload(
            b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        committed = true;
      } catch (SdkException e) {
        throw new IOException("cannot commit " + key + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (!committed && uploadId != null) {
        try {
          s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
          log.warn("could not abort the upload of {}: {}", key, e.toString());
        }
      }
    }
  }
}
