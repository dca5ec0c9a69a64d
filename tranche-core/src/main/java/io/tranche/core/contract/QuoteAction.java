package io.tranche.core.contract;

/** A move of a quote version; {@link QuoteStatus#next} says which are allowed from where. */
public enum QuoteAction {
  /** The vendor sends a draft to the client. */
  SEND("send"),
  /** The client asks for changes to a sent version. */
  REQUEST_CHANGES("request changes to"),
  /** The client signs the version, which makes the contract. */
  SIGN("sign"),
  /** Editing a version the client has seen replaces it with a new draft version. */
  SUPERSEDE("change");

  private final String verb;

  QuoteAction(String verb) {
    this.verb = verb;
  }

  /** The action as the refusal names it: "cannot {verb} a quote that is …". */
  public String verb() {
    return verb;
  }
}
