package org.collapselab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.collapselab.server.CollapseLabServer;
import org.collapselab.server.ServerConfig;

/** Starts the server and blocks until the process is stopped (Ctrl-C); loaded only by {@link ServeCommand}. */
final class ServeLauncher {
  private ServeLauncher() {}

  static int serve(String host, int port, Path out, int threads, PrintWriter console) throws Exception {
    CollapseLabServer server;
    try {
      server = CollapseLabServer.start(new ServerConfig(host, port, out, threads));
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalStateException("cannot listen on " + host + ":" + port + " (port in use? try --port 0)");
    }
    String shown = host.contains(":") ? "[" + host + "]" : host;
    console.println("collapselab serve: http://" + shown + ":" + server.port() + "/"
        + (out == null ? "" : "  (results folder " + out.toAbsolutePath() + ")") + "  — Ctrl-C stops it");
    console.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
