package io.tranche.core.ledger;

import io.tranche.core.error.Validation;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ledger account: its kind and, for per-client or per-channel accounts, whose it is. Debits are
 * positive amounts, credits negative; an asset account (receivable, cash) has a positive balance,
 * revenue and liabilities (client credit, tax payable) a negative one.
 */
public record Account(Kind kind, @Nullable String owner) {

  /** The chart of accounts. */
  public enum Kind {
    /** What a client owes (per client). */
    RECEIVABLE,
    /** Money received, per payment channel (bank, stripe). */
    CASH,
    /** Income earned by invoicing. */
    REVENUE,
    /** Tax collected on invoices, owed to the tax office. */
    TAX_PAYABLE,
    /** Money a client paid beyond what was owed, kept for them (per client). */
    CLIENT_CREDIT,
    /** Payment providers' fees. */
    FEES,
    /** Receivables given up on. */
    WRITE_OFF
  }

  public Account {
    Validation.required("kind", kind);
    if (owner != null) {
      owner = Validation.text("owner", owner, 100);
    }
  }

  public static Account receivable(UUID clientId) {
    return new Account(Kind.RECEIVABLE, clientId.toString());
  }

  public static Account clientCredit(UUID clientId) {
    return new Account(Kind.CLIENT_CREDIT, clientId.toString());
  }

  public static Account cash(String channel) {
    return new Account(Kind.CASH, channel);
  }

  public static final Account REVENUE = new Account(Kind.REVENUE, null);
  public static final Account TAX_PAYABLE = new Account(Kind.TAX_PAYABLE, null);
  public static final Account FEES = new Account(Kind.FEES, null);
  public static final Account WRITE_OFF = new Account(Kind.WRITE_OFF, null);

  /** The account's key as stored, e.g. {@code RECEIVABLE:5b1…} or {@code REVENUE}. */
  public String key() {
    return owner == null ? kind.name() : kind.name() + ":" + owner;
  }

  /** The account a stored key names. */
  public static Account parse(String key) {
    int colon = key.indexOf(':');
    return colon < 0
        ? new Account(Kind.valueOf(key), null)
        : new Account(Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
  }
}
