package io.tranche.app.workspace;

import io.tranche.core.contract.SigningOrder;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's settings: the business as invoices name it (name, address, VAT or tax id), the
 * currency new projects start in, how invoices are numbered and paid, the time zone dates are read
 * in, the contract rules, and what invoices say when a line carries no tax ({@code taxNote}, e.g.
 * "Reverse charge: the recipient accounts for the VAT").
 */
public record WorkspaceSettings(
    String name,
    @Nullable String address,
    @Nullable String taxId,
    String currency,
    @Nullable String bankDetails,
    String invoicePrefix,
    int paymentTermsDays,
    String timeZone,
    SigningOrder signingOrder,
    boolean workBeforeContract,
    @Nullable String taxNote) {
  /** The longest note on invoices without tax. */
  public static final int TAX_NOTE_MAX = 500;

  /**
   * Changes to settings as a person or the API gives them; {@code null} keeps a setting, a blank
   * clears an optional one.
   */
  public record Change(
      @Nullable String name,
      @Nullable String address,
      @Nullable String taxId,
      @Nullable String currency,
      @Nullable String bankDetails,
      @Nullable String invoicePrefix,
      @Nullable Integer paymentTermsDays,
      @Nullable String timeZone,
      @Nullable SigningOrder signingOrder,
      @Nullable Boolean workBeforeContract,
      @Nullable String taxNote) {}
}
