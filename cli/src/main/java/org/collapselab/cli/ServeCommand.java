package org.collapselab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collapselab serve}: the local web explorer. The server classes (Javalin, Jetty) are only loaded when this
 * command runs: everything that touches them lives in {@link ServeLauncher}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start the local web explorer (live theory plots, Monte Carlo jobs, results browser) and its JSON API.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "P",
            description = "TCP port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "HOST",
            description = {
                "Address to bind (default: ${DEFAULT-VALUE}). Any other address exposes the server to the",
                "network: the API then needs the access token printed at start (docs/server.md)."
            })
    String host;

    @Option(
            names = "--allow-host",
            paramLabel = "NAME",
            description = {
                "Also answer requests addressed to this host name (repeatable). Loopback names are always",
                "allowed, and this machine's addresses when --host is not loopback; any other name is refused."
            })
    java.util.List<String> allowHosts = new java.util.ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Results folder to browse (studies, cells, figures, reports).")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for simulation runs (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException("port", port, "an integer in [0, 65535]");
        }
        if (out != null && !java.nio.file.Files.isDirectory(out)) {
            throw new ParameterException("out", out, "an existing folder");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int t = threads == null ? cores : threads;
        if (t < 1 || t > cores) {
            throw new ParameterException(
                    "threads",
                    t,
                    "an integer in [1, " + cores + "] (this machine's cores: more " + "threads would only share them)");
        }
        return ServeLauncher.serve(
                host,
                port,
                out,
                t,
                allowHosts,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
