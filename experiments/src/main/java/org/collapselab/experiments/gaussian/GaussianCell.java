package org.collapselab.experiments.gaussian;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.data.FeatureLaw;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.stats.Seeds;

/**
 * One point of a Gaussian sweep, canonicalised so that equivalent points share one key: for ridge m = 0, and for
 * p2 = 0 the quality c² = 0 (it has no effect). Its seed is a pure function of the base seed and the problem
 * parameters (never of the grid position), so adding grid points leaves other cells unchanged.
 *
 * @param model ridge or rp
 * @param spectrum spectrum text (iso, power:A, file:PATH)
 * @param d dimension
 * @param n training-set size
 * @param m width (0 for ridge)
 * @param p2 synthetic share
 * @param c2 synthetic quality c²
 * @param sigma label noise
 * @param lambda ridge penalty
 * @param baseSeed the experiment's base seed (or the swept seed)
 * @param runs simulation runs
 * @param theory compute theory
 * @param simulation compute simulation
 * @param features law of the whitened feature coordinates ({@link FeatureLaw#key()}; part of the key only when not
 *     Gaussian, so cells stored before the field existed are reused)
 */
public record GaussianCell(
        ModelKind model,
        String spectrum,
        int d,
        int n,
        int m,
        double p2,
        double c2,
        double sigma,
        double lambda,
        long baseSeed,
        int runs,
        boolean theory,
        boolean simulation,
        String features)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public GaussianCell {
        if (model == ModelKind.RIDGE) {
            m = 0;
        }
        if (p2 == 0) {
            c2 = 0;
        }
        features = features == null
                ? FeatureLaw.GAUSSIAN.key()
                : FeatureLaw.parse(features).key();
    }

    /** A cell with Gaussian features. */
    public GaussianCell(
            ModelKind model,
            String spectrum,
            int d,
            int n,
            int m,
            double p2,
            double c2,
            double sigma,
            double lambda,
            long baseSeed,
            int runs,
            boolean theory,
            boolean simulation) {
        this(model, spectrum, d, n, m, p2, c2, sigma, lambda, baseSeed, runs, theory, simulation, null);
    }

    /** The feature law. */
    public FeatureLaw law() {
        return FeatureLaw.parse(features);
    }

    /** The problem parameters only (what the seed derives from). */
    public ObjectNode problemJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("c2", c2);
        o.put("d", d);
        if (!law().isGaussian()) {
            o.put("features", features);
        }
        o.put("kind", "gaussian");
        o.put("lambda", lambda);
        o.put("m", m);
        o.put("model", model.key());
        o.put("n", n);
        o.put("p2", p2);
        o.put("sigma", sigma);
        o.put("spectrum", spectrum);
        String content = SpectrumSpecs.contentFingerprint(spectrum);
        if (content != null) {
            o.put("spectrumContent", content); // editing a file: spectrum in place changes the key, so it is recomputed
        }
        return o;
    }

    /** The full configuration as canonical JSON (sorted keys): problem, base seed, runs and what is computed. */
    public String configJson() {
        ObjectNode o = problemJson();
        o.put("baseSeed", baseSeed);
        o.put("runs", runs);
        o.put("simulation", simulation);
        o.put("theory", theory);
        return canonical(o);
    }

    /** The cell's simulation seed: derived from the base seed and the problem parameters. */
    public long seed() {
        return Seeds.Legacy.hashed(baseSeed, canonical(problemJson()));
    }

    /** Database key. */
    public String key() {
        return CellKeys.key(configJson(), seed());
    }

    /** ψ = m/n (0 for ridge). */
    public double psi() {
        return (double) m / n;
    }

    /** The value of a parameter, as Long, Double or String. */
    public Object get(Param p) {
        return switch (p) {
            case MODEL -> model.key();
            case SPECTRUM -> spectrum;
            case D -> (long) d;
            case N -> (long) n;
            case M -> (long) m;
            case P2 -> p2;
            case C2 -> c2;
            case SIGMA -> sigma;
            case LAMBDA -> lambda;
            case SEED -> baseSeed;
            case FEATURES -> features;
        };
    }

    /** The core problem for this cell. */
    public Problem problem(Spectrum spectrumValue) {
        return new Problem(model, spectrumValue, null, n, model == ModelKind.RIDGE ? 0 : m, p2, c2, sigma, lambda);
    }

    /** A copy with another p2 (c² restored from {@code c2ForMixture} when p2 &gt; 0). */
    public GaussianCell withP2(double newP2, double c2ForMixture) {
        return new GaussianCell(
                model,
                spectrum,
                d,
                n,
                m,
                newP2,
                newP2 == 0 ? 0 : c2ForMixture,
                sigma,
                lambda,
                baseSeed,
                runs,
                theory,
                simulation,
                features);
    }

    static String canonical(ObjectNode o) {
        // ObjectNode keeps insertion order; rebuild sorted.
        ObjectNode sorted = JSON.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        for (String n : names) {
            sorted.set(n, o.get(n));
        }
        return sorted.toString();
    }
}
