package org.collapselab.experiments.coverage;

import java.util.Locale;
import org.collapselab.estimation.GaussianTwoSource;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.estimation.SourceEstimator;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.stats.Seeds;

/**
 * One repetition of the coverage check: data drawn from {@code seed + repetition} for one setting (power-law Σ1,
 * α = 1, and Σ2, α = 0.5, as in {@link org.collapselab.estimation.Coverage#cases()}), estimated by
 * {@link SourceEstimator#estimate}, exactly as {@link org.collapselab.estimation.Coverage#run} does for its
 * repetition. The configuration names the estimator ("moments"), so results of the earlier cross-fitting estimator
 * stored under the old keys are not reused.
 *
 * @param study study name
 * @param setting the setting's parameters
 * @param repetition repetition index r ≥ 0
 * @param splits unused by the moment estimator (kept in the study file's schema)
 * @param seed base seed
 */
public record CoverageCell(String study, Setting setting, int repetition, int splits, long seed) implements CellJob {
    private static final long serialVersionUID = 1L;

    /** A setting of the check: the truth c² and the data's sizes and noise levels. */
    public record Setting(double c2, int d, int n1, int n2, double sigma1, double sigma2)
            implements java.io.Serializable {
        /** The setting of a data-generating truth. */
        static Setting of(GaussianTwoSource t) {
            return new Setting(t.c2(), t.real().dimension(), t.n1(), t.n2(), t.sigma1(), t.sigma2());
        }

        GaussianTwoSource truth() {
            return new GaussianTwoSource(
                    Spectrum.powerLaw(d, 1.0), Spectrum.powerLaw(d, 0.5), n1, n2, c2, sigma1, sigma2);
        }

        /** The setting as the report names it. */
        String label() {
            return String.format(
                    Locale.ROOT, "c² = %s, d = %d, n1 = %d, n2 = %d, σ1 = %s, σ2 = %s", c2, d, n1, n2, sigma1, sigma2);
        }
    }

    /** The canonical configuration (what the key hashes besides the seed). */
    public String configJson() {
        return String.format(
                Locale.ROOT,
                "{\"kind\":\"diagnose-coverage\",\"estimator\":\"moments\",\"c2\":%s,\"d\":%d,\"n1\":%d,\"n2\":%d,"
                        + "\"sigma1\":%s,\"sigma2\":%s,\"splits\":%d,\"repetition\":%d}",
                setting.c2,
                setting.d,
                setting.n1,
                setting.n2,
                setting.sigma1,
                setting.sigma2,
                splits,
                repetition);
    }

    @Override
    public String key() {
        return CellKeys.key(configJson(), Seeds.Legacy.offset(seed, repetition));
    }

    @Override
    public String label() {
        return setting.label() + ", repetition " + repetition;
    }

    @Override
    public StoredCell compute() {
        long t0 = System.nanoTime();
        org.collapselab.estimation.TwoSourceData data =
                setting.truth().draw(Seeds.Legacy.offset(seed, repetition), 0).data();
        SourceEstimates e =
                SourceEstimator.estimate(data).inLabelUnits(data.units().labelScale());
        String json = String.format(
                Locale.ROOT,
                "{\"c2Raw\":%s,\"c2\":%s,\"stdError\":%s,\"low\":%s,\"high\":%s}",
                e.c2Raw(),
                e.c2(),
                e.c2StdError(),
                e.c2Low(),
                e.c2High());
        return StoredCell.now(key(), study, configJson(), json, (System.nanoTime() - t0) / 1e9);
    }
}
