package org.collapselab.nn.image.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.data.ImageFolder;
import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.image.synthetic.GeneratorSpec;
import org.collapselab.nn.image.synthetic.ImageContexts;
import org.collapselab.nn.image.synthetic.ImageExperimentContext;
import org.collapselab.nn.image.synthetic.SyntheticLabels;

/**
 * An image study: one data set, one generator of synthetic targets, a list of synthetic shares, and the sweeps
 * (error vs width, error vs n, error vs generator quality), each cell replicated over {@code runs} seeds. Read from a
 * YAML file ({@code kind: image}) by {@link ImageStudyReader}; the bundled {@code studies/mnist.yaml} reproduces the paper's MNIST
 * figures.
 *
 * @param name experiment name (the result database groups cells by it)
 * @param description one line for the report
 * @param dataset {@code mnist}, {@code fashion-mnist}, or any name when {@code dataDir} is given
 * @param dataDir folder with the IDX files, or null for the data set's default
 * @param runs seeds per cell (replicates; error bars are over them)
 * @param seed first seed (replicates use seed, seed+1, ...)
 * @param p2 synthetic shares
 * @param generator the generator of synthetic targets
 * @param reserved images of the training split reserved for generators (never used by the studied models)
 * @param training Adam schedule of the trained networks
 * @param ridge ridge penalty λ of the random-features readout
 * @param widthSweeps error-vs-width sweeps
 * @param sizeSweeps error-vs-n sweeps
 * @param qualitySweep error-vs-p2 per generator quality, or null
 * @param generatorSeeds replicates of every generator: the replicate of seed {@code seed + i} is {@code i mod
 *     generatorSeeds}, so with one replicate per seed every paired interval includes the variance between generators
 */
public record ImageStudy(
        String name,
        String description,
        String dataset,
        String dataDir,
        int runs,
        long seed,
        List<Double> p2,
        GeneratorPlan generator,
        int reserved,
        TrainingPlan training,
        double ridge,
        List<WidthSweep> widthSweeps,
        List<SizeSweep> sizeSweeps,
        QualitySweep qualitySweep,
        int generatorSeeds)
        implements Study {
    public ImageStudy {
        p2 = List.copyOf(p2);
        widthSweeps = List.copyOf(widthSweeps);
        sizeSweeps = List.copyOf(sizeSweeps);
    }

    /** A study with one generator replicate. */
    public ImageStudy(
            String name,
            String description,
            String dataset,
            String dataDir,
            int runs,
            long seed,
            List<Double> p2,
            GeneratorPlan generator,
            int reserved,
            TrainingPlan training,
            double ridge,
            List<WidthSweep> widthSweeps,
            List<SizeSweep> sizeSweeps,
            QualitySweep qualitySweep) {
        this(
                name,
                description,
                dataset,
                dataDir,
                runs,
                seed,
                p2,
                generator,
                reserved,
                training,
                ridge,
                widthSweeps,
                sizeSweeps,
                qualitySweep,
                1);
    }

    /** The folder the data set is read from: {@code dataDir}, else the data set's default location. */
    public Path dataFolder() {
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        if (dataset.equals("fashion-mnist")) {
            return ImageFolder.defaultFashionMnistDir();
        }
        return ImageFolder.defaultMnistDir();
    }

    /** Seeds of the replicates. */
    public List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            out.add(seed + r);
        }
        return out;
    }

    /**
     * A cell of this study with the study's training plan. p2 = 0 cells always use the study's generator (their data
     * do not depend on it); synthetic cells use the generator replicate of their seed.
     */
    public CellSpec cell(NetworkKind network, int width, int n, double share, GeneratorPlan gen, long s) {
        return cell(network, width, n, share, gen, s, training);
    }

    /** A cell of this study with a given training plan. */
    public CellSpec cell(
            NetworkKind network, int width, int n, double share, GeneratorPlan gen, long s, TrainingPlan plan) {
        GeneratorSpec g = share == 0
                ? generator.toSpec()
                : gen.toSpec(replicateOf(s), training.validation() > 0 ? training.validation() : HOLDOUT);
        return new CellSpec(dataset, network, width, n, share, plan, ridge, g, reserved, s);
    }

    /** Reserved images a generator replicate never trains on when no validation split is set. */
    static final int HOLDOUT = 1000;

    /** The generator replicate of seed {@code s}. */
    public int replicateOf(long s) {
        return (int) Math.floorMod(s - seed, (long) generatorSeeds);
    }

    /** The cells of a width sweep for the generator on {@code gs} images, one seed. */
    public List<CellSpec> cells(WidthSweep w, int gs, long s) {
        GeneratorPlan g = generator.withSamples(gs);
        GeneratorPlan gen = w.labels() == null ? g : g.withLabels(w.labels());
        List<CellSpec> out = new ArrayList<>();
        for (int width : w.widths()) {
            for (double share : p2) {
                out.add(cell(w.network(), width, w.n(), share, gen, s));
            }
        }
        return out;
    }

    /** The cells of a size sweep for the generator on {@code gs} images, one seed. */
    public List<CellSpec> cells(SizeSweep z, int gs, long s) {
        TrainingPlan plan = z.earlyStopping()
                ? training
                : new TrainingPlan(
                        training.epochs(),
                        training.minSteps(),
                        training.batchSize(),
                        training.learningRate(),
                        training.weightDecay());
        List<CellSpec> out = new ArrayList<>();
        for (int n : z.n()) {
            for (double share : p2) {
                out.add(cell(z.network(), z.width(), n, share, generator.withSamples(gs), s, plan));
            }
        }
        return out;
    }

    /** The cells of the quality sweep, one seed. */
    public List<CellSpec> cells(QualitySweep q, long s) {
        List<CellSpec> out = new ArrayList<>();
        for (int gs : q.generatorSamples()) {
            for (double share : p2) {
                out.add(cell(q.network(), q.width(), q.n(), share, generator.withSamples(gs), s));
            }
        }
        return out;
    }

    /** Whether a cell belongs to the given cells of one seed (any seed matches). */
    public static Predicate<CellSpec> member(List<CellSpec> cellsOfOneSeed) {
        Set<CellSpec> set = new java.util.HashSet<>();
        cellsOfOneSeed.forEach(c -> set.add(pattern(c)));
        return c -> set.contains(pattern(c));
    }

    /** A cell with its seed and generator replicate cleared: what is common to the cells of one setting. */
    static CellSpec pattern(CellSpec c) {
        GeneratorSpec g = c.generator();
        return new CellSpec(
                c.dataset(),
                c.network(),
                c.width(),
                c.n(),
                c.p2(),
                c.training(),
                c.ridge(),
                new GeneratorSpec(g.samples(), g.width(), g.training(), g.labels(), g.noise(), g.seed()),
                c.reserved(),
                0);
    }

    /** Every distinct cell of every sweep, all seeds. */
    public List<CellSpec> specs() {
        Set<CellSpec> out = new LinkedHashSet<>();
        for (long s : seeds()) {
            for (WidthSweep w : widthSweeps) {
                for (int gs : w.generators(generator.samples())) {
                    out.addAll(cells(w, gs, s));
                }
            }
            for (SizeSweep z : sizeSweeps) {
                for (int gs : z.generators(generator.samples())) {
                    out.addAll(cells(z, gs, s));
                }
            }
            if (qualitySweep != null) {
                out.addAll(cells(qualitySweep, s));
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (CellSpec c : specs()) {
            out.add(new ImageCellJob(c, dataFolder().toString(), name));
        }
        return out;
    }

    @Override
    public String planNote(List<CellJob> todo, int threads) {
        return CellCost.planNote(todo, threads);
    }

    /**
     * Figures under {@code OUT/mnist/}, the HTML section and the claims, from the stored cells. Loads the data set and
     * retrains the generators (small, seeded) to report their measured quality.
     */
    /** The data set's files are missing or malformed: their message (loads the data set once per process). */
    @Override
    public String unavailable() {
        try {
            ImageContexts.get(dataset, dataFolder());
            return null;
        } catch (org.collapselab.nn.image.data.IdxFormatException e) {
            return e.getMessage();
        }
    }

    @Override
    public StudyReport report(StudyResults stored, ReportOptions o) throws Exception {
        ImageExperimentContext ctx = ImageContexts.get(dataset, dataFolder());
        Map<CellSpec, CellResult> results = new java.util.LinkedHashMap<>();
        for (ImageCellJob j : stored.present(ImageCellJob.class)) {
            results.put(
                    j.spec(), ImageCellJob.result(stored.stored().get(j.key()).resultJson()));
        }
        ImageResults r = new ImageResults(
                this, results, generators(ctx, o.log()), stored.cells().size() - results.size());
        List<ImageFigures.Figure> figures =
                o.figures() ? ImageFigures.write(r, o.outDir().resolve("mnist")) : List.of();
        ImageDataset data = ctx.dataset();
        String html = ImageReport.html(r, data, dataFolder(), figures, o.outDir());
        List<Claim> claims = new ArrayList<>();
        for (Claim c : ImageClaims.all(r)) {
            claims.add(c.prefixed("[" + dataset + "] "));
        }
        List<Path> files = new ArrayList<>();
        figures.forEach(f -> files.addAll(List.of(f.png(), f.svg())));
        return new StudyReport(files, html, claims, "");
    }

    /** Measured quality of every generator the study uses, over its replicates, by {@link GeneratorQuality#key}. */
    Map<String, GeneratorQuality> generators(ImageExperimentContext ctx, java.io.PrintStream log) {
        Map<String, List<SyntheticLabels>> reps = new TreeMap<>();
        Set<GeneratorSpec> seen = new java.util.HashSet<>();
        for (CellSpec c : specs()) {
            GeneratorSpec g = c.p2() == 0 ? generator.toSpec() : c.generator();
            if (seen.add(g)) {
                reps.computeIfAbsent(GeneratorQuality.key(g.samples(), g.labels()), k -> new ArrayList<>())
                        .add(ctx.synthetic(g, reserved));
            }
        }
        Map<String, GeneratorQuality> out = new TreeMap<>();
        reps.forEach((k, list) -> {
            GeneratorSpec g = list.get(0).spec();
            GeneratorQuality q = new GeneratorQuality(
                    g.samples(),
                    g.labels(),
                    list.stream().map(SyntheticLabels::poolQuality).toList(),
                    list.stream().map(SyntheticLabels::generatorTestQuality).toList());
            out.put(k, q);
            if (log != null) {
                log.printf(
                        java.util.Locale.ROOT,
                        "%s: generator on %d real images (%s labels): %s, %.1f%% wrong labels%n",
                        name,
                        g.samples(),
                        g.labels().name().toLowerCase(java.util.Locale.ROOT),
                        q.describeC2(),
                        100 * q.labelError());
            }
        });
        return out;
    }
}
