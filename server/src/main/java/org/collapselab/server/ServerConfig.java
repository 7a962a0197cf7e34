package org.collapselab.server;

import java.nio.file.Path;

/**
 * How to start {@code collapselab serve}.
 *
 * @param host address to bind (127.0.0.1 unless the user says otherwise)
 * @param port TCP port (0 = any free port)
 * @param out results folder to browse, or null
 * @param threads threads for simulation runs (shared by all jobs)
 */
public record ServerConfig(String host, int port, Path out, int threads) {
  /** Loopback, the given port, all cores. */
  public static ServerConfig local(int port, Path out) {
    return new ServerConfig("127.0.0.1", port, out, Runtime.getRuntime().availableProcessors());
  }
}
