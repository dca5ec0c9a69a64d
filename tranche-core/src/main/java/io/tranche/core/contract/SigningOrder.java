package io.tranche.core.contract;

/**
 * Who signs a contract first. CLIENT_FIRST: the client signs the quote, then a member countersigns
 * the contract. VENDOR_FIRST: a member signs the quote before it is sent; the client's signature
 * then completes the contract.
 */
public enum SigningOrder {
  CLIENT_FIRST,
  VENDOR_FIRST
}
