package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code collapselab serve}'s flags: one-line errors and exit codes (starting the server is tested in module server). */
class ServeCommandTest {
    @Test
    void badFlagsAreOneLineWithExitTwo() {
        CliRun.Result port = CliRun.run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err().strip())
                .isEqualTo("collapselab serve: --port must be an integer in [0, 65535], got 70000");
        CliRun.Result out = CliRun.run("serve", "--port", "0", "--out", "/no/such/folder");
        assertThat(out.code()).isEqualTo(2);
        assertThat(out.err().strip())
                .isEqualTo("collapselab serve: --out must be an existing folder, got /no/such/folder");
        CliRun.Result host = CliRun.run("serve", "--port", "0", "--host", "no-such-host.invalid");
        assertThat(host.code()).isEqualTo(2);
        assertThat(host.err().strip()).startsWith("collapselab serve: --host must be a local address or name");
    }

    @Test
    void aBusyPortIsOneLineWithExitOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun.Result r = CliRun.run("serve", "--port", Integer.toString(busy.getLocalPort()));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip())
                    .isEqualTo("collapselab serve: cannot listen on 127.0.0.1:" + busy.getLocalPort()
                            + " (port in use? try --port 0)");
        }
    }

    @Test
    void badAllowHostAndTooManyThreadsAreOneLineWithExitTwo() {
        CliRun.Result wild = CliRun.run("serve", "--port", "0", "--allow-host", "*");
        assertThat(wild.code()).isEqualTo(2);
        assertThat(wild.err().strip())
                .startsWith("collapselab serve: --allow-host must be a host name")
                .doesNotContain("\n");
        CliRun.Result threads = CliRun.run("serve", "--port", "0", "--threads", "8030");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err().strip())
                .startsWith("collapselab serve: --threads must be an integer in [1, "
                        + Runtime.getRuntime().availableProcessors() + "]");
    }

    @Test
    void beyondLoopbackAWarningLineAndTheTokenArePrinted() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        try (org.collapselab.server.CollapseLabServer server = ServeLauncher.start(
                new org.collapselab.server.ServerConfig("0.0.0.0", 0, null, 1),
                new java.io.PrintWriter(out),
                new java.io.PrintWriter(err))) {
            assertThat(err.toString().lines().toList())
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("collapselab serve: warning: listening on 0.0.0.0 (every interface)");
            assertThat(out.toString().strip())
                    .startsWith("collapselab serve: http://127.0.0.1:" + server.port() + "/?token=" + server.token());
        }
        out.getBuffer().setLength(0);
        try (org.collapselab.server.CollapseLabServer server = ServeLauncher.start(
                new org.collapselab.server.ServerConfig("127.0.0.1", 0, null, 1),
                new java.io.PrintWriter(out),
                new java.io.PrintWriter(err = new java.io.StringWriter()))) {
            assertThat(err.toString()).isEmpty();
            assertThat(out.toString()).doesNotContain("token");
        }
    }

    @Test
    void helpListsServe() {
        assertThat(CliRun.run("--help").out()).contains("serve");
    }
}
