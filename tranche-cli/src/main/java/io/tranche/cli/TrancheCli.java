package io.tranche.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tranche-cli} command for vendors and clients: {@code upload} a build from CI, {@code
 * verify-receipt} before paying, {@code open} a released artifact against its receipt, {@code
 * license verify} a licence as the vendor's app does.
 */
@Command(
    name = "tranche-cli",
    mixinStandardHelpOptions = true,
    versionProvider = TrancheCli.Version.class,
    description =
        "Tranche command line: upload builds, verify delivery receipts, open released artifacts,"
            + " verify licences.",
    subcommands = {
      UploadCommand.class,
      VerifyReceiptCommand.class,
      OpenCommand.class,
      LicenseCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TrancheCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    return new CommandLine(new TrancheCli()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = TrancheCli.class.getPackage().getImplementationVersion();
      return new String[] {"tranche-cli " + (version == null ? "development" : version)};
    }
  }
}
