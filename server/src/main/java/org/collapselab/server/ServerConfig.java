package org.collapselab.server;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start {@code collapselab serve}.
 *
 * @param host address to bind (127.0.0.1 unless the user says otherwise)
 * @param port TCP port (0 = any free port)
 * @param out results folder to browse, or null
 * @param threads threads for simulation runs (shared by all jobs)
 * @param allowHosts host names requests may be addressed to besides the loopback names ({@code --allow-host})
 */
public record ServerConfig(String host, int port, Path out, int threads, List<String> allowHosts) {
    public ServerConfig {
        allowHosts = allowHosts == null
                ? List.of()
                : allowHosts.stream().map(Access::validHost).toList();
    }

    /** No extra host names. */
    public ServerConfig(String host, int port, Path out, int threads) {
        this(host, port, out, threads, List.of());
    }

    /** Loopback, the given port, all cores. */
    public static ServerConfig local(int port, Path out) {
        return new ServerConfig("127.0.0.1", port, out, Runtime.getRuntime().availableProcessors());
    }
}
