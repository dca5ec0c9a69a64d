package io.tranche.vault;

/** A refusal of the vault, with a stable code such as {@code vault.unwrap-failed}. */
public class VaultException extends RuntimeException {
  private final String code;

  public VaultException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
