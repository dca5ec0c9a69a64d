package io.tranche.cli;

import io.tranche.license.License;
import io.tranche.license.LicenseVerifier;
import io.tranche.license.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tranche-cli license verify}: checks a licence as the vendor's app would. */
@Command(
    name = "license",
    mixinStandardHelpOptions = true,
    description = "Licences: check one as the vendor's app does.",
    subcommands = {LicenseCommand.Verify.class})
final class LicenseCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a licence's signature against the vendor's public key, and its validity now (or at"
            + " --at), and prints the licence or the reason it is refused.",
        "Exit codes: 0 valid (also in the grace period), 1 refused, 3 unreadable."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LICENSE", description = "the licence file (JWS)")
    Path license;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "PUBKEY",
        description = "the vendor's public key: a file or the value (JWK, PEM or base64)")
    String key;

    @Option(names = "--product", paramLabel = "NAME", description = "refuse other products")
    String product;

    @Option(
        names = "--revoked",
        paramLabel = "FILE",
        description = "a file of revoked licence ids, one per line")
    Path revoked;

    @Option(
        names = "--at",
        paramLabel = "INSTANT",
        description = "check as of this instant (ISO-8601, e.g. 2027-01-01T00:00:00Z)")
    Instant at;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        String token = Files.readString(license, StandardCharsets.US_ASCII);
        Set<String> ids = new HashSet<>();
        if (revoked != null) {
          Files.readAllLines(revoked).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .forEach(ids::add);
        }
        Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
        Verdict verdict =
            LicenseVerifier.verify(
                token, LicenseVerifier.publicKey(Inputs.fileOrValue(key)), clock, product, ids);
        if (verdict instanceof Verdict.Refused r) {
          err.println("refused: " + r.reason() + ": " + r.detail());
          err.flush();
          return 1;
        }
        Verdict.Valid ok = (Verdict.Valid) verdict;
        out.println(
            ok.inGrace()
                ? "valid, in its grace period: it expired; renew it"
                : "valid: signed by the given key");
        print(out, ok.license());
        out.flush();
        return 0;
      } catch (IllegalArgumentException e) {
        err.println("cannot read the key: " + e.getMessage());
        err.flush();
        return 3;
      } catch (IOException e) {
        err.println("cannot read: " + e.getMessage());
        err.flush();
        return 3;
      }
    }

    private static void print(PrintWriter out, License l) {
      out.println("licence: " + l.id());
      out.println("licensee: " + l.licensee());
      out.println("product: " + l.product() + " (" + l.edition() + ")");
      out.println("features: " + String.join(", ", l.features()));
      out.println("valid: " + l.notBefore() + " to " + l.expiresAt());
      if (!l.grace().isZero()) {
        out.println("grace: " + l.grace().toDays() + " days after expiry");
      }
      out.println("machines: " + (l.machines() == 0 ? "no limit" : l.machines()));
      out.println("key fingerprint: " + l.keyId());
    }
  }
}
