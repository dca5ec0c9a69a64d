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
  void aVatIdWithAnEuPrefixHasThatCountrysForm() {
    for (String ok :
        new String[] {
          "ATU12345678", "BE 0123.456.789", "DE 123 456 789", "FR12345678901", "FRXY123456789",
          "NL123456789B01", "IE1234567WA", "IE1A23456B", "ESX1234567X", "SE123456789001",
          "XI123456789", "GBGD001", "EL123456789", "de123456789"
        }) {
      assertThat(BusinessIdentity.taxId("taxId", ok)).as(ok).isEqualTo(ok);
    }
    for (String bad :
        new String[] {"DE12", "DE1234567890", "FR 12 345", "NL123456789", "AT12345678", "PL123"}) {
      assertCode(() -> BusinessIdentity.taxId("taxId", bad), "validation.bad-vat-id");
    }
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.tranche.core.error.DomainException.class,
            () -> BusinessIdentity.taxId("taxId", "DE12"));
    assertThat(refused.getMessage())
        .isEqualTo("taxId DE12 is not in the form of a German VAT id, e.g. DE123456789");
  }

  @Test
  void otherTaxIdsKeepTheGeneralCheck() {
    // a US EIN, a Swiss UID, a name that happens to start like a prefix, a bare number
    for (String ok :
        new String[] {"12-3456789", "CHE-123.456.789 MWST", "DEUTSCHE-STEUER-7", "123 456 789"}) {
      assertThat(BusinessIdentity.taxId("taxId", ok)).as(ok).isEqualTo(ok);
    }
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
