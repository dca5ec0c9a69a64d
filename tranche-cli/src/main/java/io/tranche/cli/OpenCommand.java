package io.tranche.cli;

import io.tranche.vault.DataKey;
import io.tranche.vault.DeliveryReceipt;
import io.tranche.vault.Opening;
import io.tranche.vault.Receipts;
import io.tranche.vault.Sealing;
import io.tranche.vault.VaultException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Decrypts a released artifact and checks it against its delivery receipt: the key must be"
          + " the one the receipt commits to, the ciphertext the one it describes, and the result"
          + " must have the size and SHA-256 it states. The result is written next to OUT and"
          + " moved there only when every check passed; on any mismatch nothing is left at OUT.",
      "Give the key as a file (not on the command line, where shell history keeps it).",
      "Exit codes: 0 opened, 1 refused (wrong key, changed file, mismatch), 3 unreadable."
    })
final class OpenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CIPHERTEXT", description = "the sealed file")
  Path ciphertext;

  @Option(names = "--receipt", required = true, paramLabel = "RECEIPT", description = "its receipt")
  Path receipt;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "DATAKEY",
      description = "the released data key: a file or the base64 value")
  String key;

  @Option(
      names = "--signing-key",
      paramLabel = "PUBKEY",
      description = "also check the receipt's signature with the vendor's public key")
  String signingKey;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "where the plaintext goes")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String jws = Files.readString(receipt, StandardCharsets.US_ASCII);
      if (signingKey == null) {
        err.println(
            "warning: the receipt's signature is not checked; give --signing-key (or run"
                + " verify-receipt first) to know the receipt is the vendor's");
      }
      DeliveryReceipt r =
          signingKey == null
              ? Receipts.readUnverified(jws)
              : Receipts.verify(jws, Receipts.parsePublicKey(Inputs.fileOrValue(signingKey)));
      DataKey dataKey;
      try {
        dataKey = DataKey.of(Base64.getDecoder().decode(Inputs.fileOrValue(key)));
      } catch (IllegalArgumentException e) {
        throw new VaultException("vault.bad-key", "the data key is not base64");
      }
      Sealing.Digests d = Opening.open(ciphertext, r, dataKey, output);
      out.println(
          "opened: "
              + output
              + " ("
              + d.plaintextSize()
              + " bytes, sha256 "
              + d.plaintextSha256()
              + ") matches the receipt");
      out.flush();
      return 0;
    } catch (VaultException e) {
      err.println("refused: " + e.code() + ": " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("cannot read or write: " + e.getMessage());
      err.flush();
      return 3;
    }
  }
}
