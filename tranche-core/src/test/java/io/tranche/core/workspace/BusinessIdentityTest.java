package io.tranche.core.workspace;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusinessIdentityTest {
  @Test
  void taxIdsAreKeptAsWrittenAndOddOnesRefused() {
    assertThat(BusinessIdentity.taxId("taxId", " DE123456789 ")).isEqualTo("DE123456789");
    assertThat(BusinessIdentity.taxId("taxId", "GB 123 4567 89")).isEqualTo("GB 123 4567 89");
    assertThat(BusinessIdentity.taxId("taxId", "  ")).isNull();
    assertCode(() -> BusinessIdentity.taxId("taxId", "<script>"), "validation.bad-tax-id");
    assertCode(() -> BusinessIdentity.taxId("taxId", "X".repeat(41)), "validation.too-long");
  }

  @Test
  void addressesKeepTheirLines() {
    assertThat(BusinessIdentity.address("address", "Main St 1\r\n10115 Berlin"))
        .isEqualTo("Main St 1\n10115 Berlin");
    assertThat(BusinessIdentity.address("address", null)).isNull();
    assertCode(() -> BusinessIdentity.address("address", "a".repeat(501)), "validation.too-long");
  }

  @Test
  void aClientCarriesBoth() {
    Client c =
        new Client(
            ClientId.random(), WorkspaceId.random(), "Acme", null, "Road 2\nTown", "FR12345678901");
    assertThat(c.address()).isEqualTo("Road 2\nTown");
    assertThat(c.taxId()).isEqualTo("FR12345678901");
  }
}
