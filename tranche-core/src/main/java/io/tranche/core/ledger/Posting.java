package io.tranche.core.ledger;

import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;

/** One leg of a transaction: an amount debited (positive) or credited (negative) to an account. */
public record Posting(Account account, Money amount) {
  public Posting {
    Validation.required("account", account);
    Validation.required("amount", amount);
  }

  public static Posting debit(Account account, Money amount) {
    return new Posting(account, amount);
  }

  public static Posting credit(Account account, Money amount) {
    return new Posting(account, amount.negate());
  }
}
