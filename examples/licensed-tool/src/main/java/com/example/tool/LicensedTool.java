package com.example.tool;

import io.tranche.license.License;
import io.tranche.license.LicenseVerifier;
import io.tranche.license.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A vendor's desktop tool, reduced to what a licence decides: {@code show} works with any valid
 * licence (a preview shows the product), {@code export} only with the full edition or the {@code
 * export} feature. Usage: {@code licensed-tool LICENSE VENDOR_KEY show|export [INSTANT]}.
 */
public final class LicensedTool {
  static final String PRODUCT = "nordlicht-shop";

  private LicensedTool() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws IOException {
    if (args.length < 3) {
      out.println("usage: licensed-tool LICENSE VENDOR_KEY show|export [INSTANT]");
      return 2;
    }
    String token = Files.readString(Path.of(args[0]));
    PublicKey vendor = LicenseVerifier.publicKey(Files.readString(Path.of(args[1])));
    Clock clock =
        args.length > 3 ? Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC) : Clock.systemUTC();
    Verdict verdict = LicenseVerifier.verify(token, vendor, clock, PRODUCT, Set.of());
    if (verdict instanceof Verdict.Refused refused) {
      out.println("This copy is not licensed: " + refused.detail() + ".");
      return 1;
    }
    Verdict.Valid valid = (Verdict.Valid) verdict;
    License licence = valid.license();
    if (valid.inGrace()) {
      out.println("Your licence expired on " + licence.expiresAt() + ": please renew it.");
    }
    switch (args[2]) {
      case "show" -> out.println("Showing the catalogue (" + licence.edition() + " edition).");
      case "export" -> {
        if (!licence.full() && !licence.has("export")) {
          out.println("Export needs the full edition; this is a " + licence.edition() + ".");
          return 1;
        }
        out.println("Exported the catalogue for " + licence.licensee() + ".");
      }
      default -> {
        out.println("unknown command " + args[2]);
        return 2;
      }
    }
    return 0;
  }
}
