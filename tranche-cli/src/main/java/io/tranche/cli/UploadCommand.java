package io.tranche.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads a build to a milestone (e.g. from CI). The file streams to the server, which seals"
          + " it on the way in. The API token comes from the environment variable TRANCHE_TOKEN"
          + " (or the one --token-env names) or from a file (--token-file), never from the"
          + " command line.",
      "Exit codes: 0 uploaded, 1 refused by the server, 2 no token, 3 unreadable file or no"
          + " connection."
    })
final class UploadCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the build to upload")
  Path file;

  @Option(
      names = "--server",
      required = true,
      description = "Tranche's base URL, e.g. https://tranche.example.com")
  String server;

  @Option(
      names = "--milestone",
      required = true,
      paramLabel = "ID",
      description = "the milestone's id")
  String milestone;

  @Option(names = "--name", description = "the file name to record (default: the file's own)")
  String name;

  @Option(
      names = "--media-type",
      defaultValue = "application/octet-stream",
      description = "its media type (default: ${DEFAULT-VALUE})")
  String mediaType;

  @Option(
      names = "--token-env",
      defaultValue = "TRANCHE_TOKEN",
      description = "the environment variable holding the API token (default: ${DEFAULT-VALUE})")
  String tokenEnv;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "read the API token from this file instead (e.g. a CI secret file)")
  Path tokenFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String token;
    try {
      token =
          tokenFile == null
              ? System.getenv(tokenEnv)
              : Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      err.println("cannot read the token file: " + e.getMessage());
      err.flush();
      return 3;
    }
    if (token == null || token.isBlank()) {
      err.println("no API token: set " + tokenEnv + " or give --token-file");
      err.flush();
      return 2;
    }
    try {
      if (!Files.isRegularFile(file)) {
        throw new IOException(file + " is not a file");
      }
      String fileName = name == null ? file.getFileName().toString() : name;
      URI uri =
          URI.create(
              server.replaceAll("/+$", "")
                  + "/api/v1/milestones/"
                  + URLEncoder.encode(milestone, StandardCharsets.UTF_8)
                  + "/artifacts?name="
                  + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", mediaType)
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201) {
        out.println(response.body());
        out.flush();
        return 0;
      }
      err.println("refused (" + response.statusCode() + "): " + response.body());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("cannot upload: " + e.getMessage());
      err.flush();
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted");
      err.flush();
      return 3;
    }
  }
}
