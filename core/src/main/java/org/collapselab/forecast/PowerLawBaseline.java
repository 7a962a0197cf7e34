package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.theory.ScalarMinimum;

/**
 * The scaling-law practice the collapse law is compared with: for each pilot share (p2, A) on its own,
 * E(n) = E∞ + a·n^−b (E∞, a ≥ 0, b in [0.01, 3]) by weighted least squares (E∞ and a by non-negative least squares at
 * each b, b by a scan and golden section), with a parametric bootstrap like the law's. It cannot say anything about
 * a share it was not piloted at, nor how the share changes the exponent or the floor.
 */
public final class PowerLawBaseline {
    static final double MIN_EXPONENT = 0.01;
    static final double MAX_EXPONENT = 3;

    private PowerLawBaseline() {}

    /**
     * One share's fitted power law.
     *
     * @param p2 share
     * @param weight A
     * @param floor E∞
     * @param amplitude a
     * @param exponent b
     * @param chi2 weighted residual sum of squares
     * @param dof pilot sizes minus 3
     */
    public record Share(
            double p2, double weight, double floor, double amplitude, double exponent, double chi2, int dof) {
        /** E∞ + a·n^−b. */
        public double predict(double n) {
            return floor + amplitude * Math.pow(n, -exponent);
        }
    }

    /** A fit for every piloted share with at least 3 sizes n, in the pilot set's order of shares. */
    public static List<Share> fit(PilotSet pilots) {
        List<Share> out = new ArrayList<>();
        for (List<PilotGroup> g : byShare(pilots)) {
            double[] y = new double[g.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = g.get(i).mean();
            }
            out.add(fitShare(g, y));
        }
        return out;
    }

    /** Bootstrap replicates of every share's fit (replicate b seeded by (seed, b)); entries may be null. */
    public static List<List<Share>> replicates(PilotSet pilots, List<Share> fits, int count, long seed) {
        List<List<PilotGroup>> shares = byShare(pilots);
        List<List<Share>> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_033L + b);
            List<Share> rep = new ArrayList<>();
            for (int s = 0; s < shares.size(); s++) {
                List<PilotGroup> g = shares.get(s);
                Share f = fits.get(s);
                double phi = f.dof() > 0 ? Math.max(1, f.chi2() / f.dof()) : 1;
                double[] y = new double[g.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = f.predict(g.get(i).n()) + Math.sqrt(phi) * g.get(i).stderr() * rng.nextGaussian();
                }
                rep.add(fitShare(g, y));
            }
            out.add(rep);
        }
        return out;
    }

    /** The pilot groups of each share (p2, A) with at least 3 distinct n. */
    static List<List<PilotGroup>> byShare(PilotSet pilots) {
        List<List<PilotGroup>> out = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (PilotGroup g : pilots.groups()) {
            int at = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i)[0] == g.p2() && keys.get(i)[1] == g.weight()) {
                    at = i;
                }
            }
            if (at < 0) {
                keys.add(new double[] {g.p2(), g.weight()});
                out.add(new ArrayList<>());
                at = out.size() - 1;
            }
            out.get(at).add(g);
        }
        out.removeIf(l -> l.stream().mapToLong(PilotGroup::n).distinct().count() < 3);
        return out;
    }

    private static Share fitShare(List<PilotGroup> g, double[] y) {
        double[] best = {Double.POSITIVE_INFINITY, 0, 0, 1};
        ScalarMinimum.minimize(
                b -> {
                    double[][] x = new double[g.size()][];
                    double[] t = new double[g.size()];
                    for (int i = 0; i < t.length; i++) {
                        double se = g.get(i).stderr();
                        x[i] = new double[] {1 / se, Math.pow(g.get(i).n(), -b) / se};
                        t[i] = y[i] / se;
                    }
                    Nnls.Solution s = Nnls.solve(x, t, new boolean[] {true, true});
                    if (s.rss() < best[0]) {
                        best[0] = s.rss();
                        best[1] = s.beta()[0];
                        best[2] = s.beta()[1];
                        best[3] = b;
                    }
                    return s.rss();
                },
                MIN_EXPONENT,
                MAX_EXPONENT,
                30,
                1e-6);
        long sizes = g.stream().mapToLong(PilotGroup::n).distinct().count();
        return new Share(g.get(0).p2(), g.get(0).weight(), best[1], best[2], best[3], best[0], (int) sizes - 3);
    }
}
