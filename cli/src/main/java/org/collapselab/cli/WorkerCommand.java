package org.collapselab.cli;

import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.collapselab.distributed.ClusterNodes;
import org.collapselab.distributed.ClusterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab worker}: joins a Hazelcast cluster and runs sweep cells submitted by {@code run --engine hazelcast}. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Start a cluster worker that runs sweep cells for drivers started with",
            "'collapselab run FILE --engine hazelcast --members ...'. Runs until interrupted (Ctrl-C)."
        })
final class WorkerCommand implements Callable<Integer> {
    @Option(
            names = "--members",
            required = true,
            paramLabel = "HOSTS",
            description = "Comma-separated host[:port] list of cluster members (include this machine).")
    String members;

    @Option(names = "--port", defaultValue = "5701", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--cluster",
            defaultValue = "collapselab",
            description = "Cluster name (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(
            names = "--interface",
            defaultValue = ClusterSettings.LOOPBACK,
            paramLabel = "IP",
            description = {
                "The one address to listen on (default: ${DEFAULT-VALUE}, this machine only). Traffic between",
                "nodes is signed but not encrypted (TLS is a Hazelcast Enterprise feature): across machines, use",
                "addresses of a WireGuard (or other VPN) network. See docs/cluster.md."
            })
    String bindAddress;

    @Option(
            names = "--secret-file",
            paramLabel = "FILE",
            description = {
                "File (mode 600) whose first line is the cluster secret, at least 16 characters; default:",
                "$" + ClusterSettings.SECRET_ENV
                        + ", else on loopback ~/.collapselab/cluster-secret (made on first use)."
            })
    java.nio.file.Path secretFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ClusterSettings settings = ClusterSettings.resolve(
                cluster, ClusterSettings.parseMembers(members), port, false, bindAddress, secretFile);
        if (settings.plaintextWarning("worker") != null) {
            spec.commandLine().getErr().println(settings.plaintextWarning("worker"));
        }
        HazelcastInstance node = ClusterNodes.startWorker(settings);
        spec.commandLine()
                .getErr()
                .println("collapselab worker: joined cluster '" + cluster + "' as "
                        + node.getCluster().getLocalMember().getAddress() + " ("
                        + node.getCluster().getMembers().size()
                        + " members; a node with another secret is refused at join); waiting for cells");
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(node::shutdown));
        forever.await();
        return 0;
    }
}
