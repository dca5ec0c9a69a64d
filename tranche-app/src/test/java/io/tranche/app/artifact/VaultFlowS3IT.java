package io.tranche.app.artifact;

import io.tranche.app.support.TestS3;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link VaultFlowIT}'s whole flow with blobs in S3 (S3Proxy, a real S3 API server). Its
 * application is one of its own on the test database (on PostgreSQL the same one), closed after
 * these tests so that its job runner takes no job the other tests schedule and wait for.
 */
@DirtiesContext
class VaultFlowS3IT extends VaultFlowIT {
  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    TestS3.register(registry);
  }
}
