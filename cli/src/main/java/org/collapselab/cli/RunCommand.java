package org.collapselab.cli;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.data.SimulationLimits;
import org.collapselab.distributed.ClusterNodes;
import org.collapselab.distributed.ClusterSettings;
import org.collapselab.distributed.HazelcastSweepExecutor;
import org.collapselab.experiments.run.RunRequest;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collapselab run FILE.yaml}: runs (or resumes) a study of any family and draws its report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a study file (kind: gaussian, image, lm, ...): compute its cells in parallel, store every",
            "finished cell at once in OUT/results.db (re-running resumes), draw the figures and print a summary.",
            "Ready-made files for the paper's figures are in studies/."
        })
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Study file (YAML).")
    Path file;

    @Option(
            names = "--describe",
            paramLabel = "KIND",
            description = "Print the fields of a study family's files "
                    + "(key, allowed values, default, meaning), or of every family with 'all', and stop.")
    String describe;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/NAME).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quick", description = "Apply the file's quick: overrides (fewer points and runs).")
    boolean quick;

    @Option(
            names = "--shard",
            paramLabel = "k/N",
            description = "Compute only shard k of N (by cell key; run N processes or machines, then --merge).")
    String shard;

    @Option(names = "--db", paramLabel = "FILE", description = "Result database (default: OUT/results.db).")
    Path db;

    @Option(
            names = "--merge",
            paramLabel = "DB",
            arity = "1..*",
            description = "Merge these databases (e.g. from shards) into the result database before running.")
    List<Path> merge = new ArrayList<>();

    @Option(
            names = "--plan",
            description = "Print the cells that would run (count, already stored, owned by this "
                    + "shard) and stop without computing anything.")
    boolean plan;

    @Option(names = "--no-figures", description = "Do not draw the figures.")
    boolean noFigures;

    @Option(names = "--rows", paramLabel = "N", description = "Rows of the summary table (default: ${DEFAULT-VALUE}).")
    int rows = 40;

    @Option(
            names = "--engine",
            defaultValue = "local",
            paramLabel = "local|hazelcast",
            description = {
                "Execution engine (default: ${DEFAULT-VALUE}). hazelcast: this process joins the cluster given by",
                "--members as a driver and the cells run on 'collapselab worker' nodes; results are stored here."
            })
    String engine;

    @Option(
            names = "--members",
            paramLabel = "HOSTS",
            description = "Cluster members host[:port],... (for --engine hazelcast).")
    String members;

    @Option(
            names = "--cluster",
            defaultValue = "collapselab",
            description = "Cluster name (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--port", defaultValue = "5701", description = "Driver's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--interface",
            defaultValue = ClusterSettings.LOOPBACK,
            paramLabel = "IP",
            description = "The one address the driver listens on (default: ${DEFAULT-VALUE}; see 'worker --help').")
    String bindAddress;

    @Option(
            names = "--secret-file",
            paramLabel = "FILE",
            description = "File whose first line is the cluster secret (see 'worker --help').")
    Path secretFile;

    @Override
    public Integer call() throws Exception {
        if (describe != null) {
            spec.commandLine().getOut().print(StudyFamilies.describe(describe));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (file == null) {
            throw new ParameterException("FILE", "nothing", "a study file (or --describe KIND)");
        }
        SimulationLimits.threads(threads);
        if (rows < 0) {
            throw new ParameterException("rows", rows, "an integer >= 0");
        }
        if (threads < 1) {
            throw new ParameterException("--threads", threads, "an integer >= 1");
        }
        if (out != null) {
            OutputPaths.folder("out", out, !plan);
        }
        if (db != null) {
            OutputPaths.file("db", db, !plan);
        }
        RunRequest request = new RunRequest(
                file,
                out,
                threads,
                quick,
                shard == null ? Shard.ALL : Shard.parse(shard),
                db,
                merge,
                !noFigures,
                rows,
                null);
        if ("local".equals(engine) || plan) {
            return Workflows.run(request, plan, System.out, System.err);
        }
        if (!"hazelcast".equals(engine)) {
            throw new ParameterException("engine", engine, "one of local, hazelcast");
        }
        ClusterSettings settings = ClusterSettings.resolve(
                cluster, ClusterSettings.parseMembers(members), port, true, bindAddress, secretFile);
        if (settings.plaintextWarning("run") != null) {
            System.err.println(settings.plaintextWarning("run"));
        }
        HazelcastInstance driver = ClusterNodes.startDriver(settings);
        try {
            // --threads bounds the cells in flight on the cluster.
            return Workflows.run(
                    request.withExecutor(new HazelcastSweepExecutor(driver, threads)), false, System.out, System.err);
        } finally {
            driver.shutdown();
        }
    }
}
