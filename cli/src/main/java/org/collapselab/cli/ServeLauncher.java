package org.collapselab.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.collapselab.server.CollapseLabServer;
import org.collapselab.server.ServerConfig;

/** Starts the server and blocks until the process is stopped (Ctrl-C); loaded only by {@link ServeCommand}. */
final class ServeLauncher {
    private ServeLauncher() {}

    static int serve(
            String host, int port, Path out, int threads, List<String> allowHosts, PrintWriter console, PrintWriter err)
            throws Exception {
        CollapseLabServer server = start(new ServerConfig(host, port, out, threads, allowHosts), console, err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * Starts the server and prints its address (with the access token when it listens beyond loopback, after a
     * warning line on {@code err}).
     */
    static CollapseLabServer start(ServerConfig config, PrintWriter console, PrintWriter err) throws Exception {
        String host = config.host();
        CollapseLabServer server;
        try {
            server = CollapseLabServer.start(config);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalStateException(
                    "cannot listen on " + host + ":" + config.port() + " (port in use? try --port 0)");
        }
        InetAddress bound = InetAddress.getByName(host);
        if (server.token() != null) {
            err.println("collapselab serve: warning: listening on " + host
                    + (bound.isAnyLocalAddress() ? " (every " + "interface)" : "")
                    + ", reachable from the network; the API needs the access token in the address "
                    + "below, and requests must name this machine's address or an --allow-host name");
            err.flush();
        }
        String shown = bound.isAnyLocalAddress() ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        console.println("collapselab serve: http://" + shown + ":" + server.port() + "/"
                + (server.token() == null ? "" : "?token=" + server.token())
                + (config.out() == null
                        ? ""
                        : "  (results folder " + config.out().toAbsolutePath() + ")")
                + "  — Ctrl-C stops it");
        console.flush();
        return server;
    }
}
