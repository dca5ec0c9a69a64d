package io.tranche.cli;

import io.tranche.vault.DeliveryReceipt;
import io.tranche.vault.Receipts;
import io.tranche.vault.VaultException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify-receipt",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a delivery receipt's signature against the vendor's public key and prints what it"
          + " states: the artifact, its sizes and SHA-256s, the key commitment and the contract.",
      "Exit codes: 0 valid, 1 refused (bad signature, malformed, other artifact), 3 unreadable."
    })
final class VerifyReceiptCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt file (JWS)")
  Path receipt;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "PUBKEY",
      description = "the vendor's public key: a file or the value (JWK, PEM or base64)")
  String key;

  @Option(
      names = "--artifact",
      paramLabel = "ID",
      description = "refuse the receipt unless it is for this artifact id")
  String artifact;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String jws = Files.readString(receipt, StandardCharsets.US_ASCII);
      java.security.PublicKey publicKey = Receipts.parsePublicKey(Inputs.fileOrValue(key));
      DeliveryReceipt r = Receipts.verify(jws, publicKey);
      if (artifact != null && !artifact.equals(r.artifactId())) {
        throw new VaultException(
            "receipt.other-artifact",
            "the receipt is for artifact " + r.artifactId() + ", not " + artifact);
      }
      out.println("valid: signed by the given key");
      out.println(
          "key fingerprint: "
              + Receipts.fingerprint(publicKey)
              + " (compare with the fingerprint on your signed contract)");
      print(out, r);
      out.flush();
      return 0;
    } catch (VaultException e) {
      err.println("refused: " + e.code() + ": " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("cannot read: " + e.getMessage());
      err.flush();
      return 3;
    }
  }

  static void print(PrintWriter out, DeliveryReceipt r) {
    out.println(
        "artifact: " + r.artifactId() + " (" + r.artifactName() + ", " + r.mediaType() + ")");
    out.println("workspace: " + r.workspaceId());
    out.println("project: " + r.projectId());
    out.println("milestone: " + r.milestoneId());
    out.println("plaintext: " + r.plaintextSize() + " bytes, sha256 " + r.plaintextSha256());
    out.println("ciphertext: " + r.ciphertextSize() + " bytes, sha256 " + r.ciphertextSha256());
    out.println("key commitment: " + r.keyCommitment());
    out.println("contract: " + (r.contractSha256() == null ? "none" : r.contractSha256()));
    out.println("issued: " + r.issuedAt());
  }
}
