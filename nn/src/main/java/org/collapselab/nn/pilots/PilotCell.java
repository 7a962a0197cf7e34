package org.collapselab.nn.pilots;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.SplittableRandom;
import org.collapselab.estimation.Rows;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;

/**
 * One pilot run: the learner trained on n rows, a share p2 of them synthetic, and measured on the real test rows.
 * Replicate r shuffles the real pool and the synthetic rows with its own seed and takes the first n − round(p2·n)
 * and round(p2·n) rows, so one replicate's subsets are nested across sizes and the replicates' subsets differ.
 *
 * @param study study name in the result store
 * @param learner the learner
 * @param data the rows (their fingerprint enters the key)
 * @param n training rows
 * @param p2 synthetic share
 * @param replicate replicate r ≥ 1 (the pilot row's seed)
 * @param seed base seed of the row subsets and of the networks' initialisation
 */
public record PilotCell(String study, PilotLearner learner, PilotData data, long n, double p2, int replicate, long seed)
        implements CellJob {
    private static final long serialVersionUID = 1L;

    /** The canonical configuration (what the key hashes besides the seed). */
    public String configJson() {
        return String.format(
                Locale.ROOT,
                "{\"kind\":\"pilot\",\"learner\":\"%s\",\"settings\":\"%s\",\"data\":\"%s\",\"n\":%d,\"p2\":%s,"
                        + "\"replicate\":%d}",
                learner.flag(),
                learner.settings(),
                data.fingerprint(),
                n,
                p2,
                replicate);
    }

    @Override
    public String key() {
        return CellKeys.key(configJson(), seed);
    }

    @Override
    public String label() {
        return String.format(Locale.ROOT, "%s n = %d, p2 = %s, seed %d", learner.flag(), n, p2, replicate);
    }

    @Override
    public double cost() {
        return n;
    }

    /** Synthetic rows of the run. */
    public int syntheticRows() {
        return (int) Math.round(p2 * n);
    }

    @Override
    public StoredCell compute() {
        long t0 = System.nanoTime();
        int k = syntheticRows();
        int real = (int) n - k;
        int d = data.d();
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + replicate);
        int[] rp = Rows.permutation(data.realRows(), rng);
        int[] sp = Rows.permutation(data.syntheticRows(), rng);
        double[] x = new double[(int) n * d];
        double[] y = new double[(int) n];
        for (int i = 0; i < real; i++) {
            System.arraycopy(data.realX(), rp[i] * d, x, i * d, d);
            y[i] = data.realY()[rp[i]];
        }
        for (int i = 0; i < k; i++) {
            System.arraycopy(data.synX(), sp[i] * d, x, (real + i) * d, d);
            y[real + i] = data.synY()[sp[i]];
        }
        double error = PilotFits.error(learner, d, x, y, data.testX(), data.testY(), data.classes(), rng.nextLong());
        if (!Double.isFinite(error)) {
            throw new ArithmeticException("the fit's test error is not finite (" + error + ")");
        }
        ObjectNode j = TheoryJson.MAPPER.createObjectNode();
        j.put("error", error);
        j.put("realRows", real);
        j.put("syntheticRows", k);
        j.put("testRows", data.testRows());
        return StoredCell.now(key(), study, configJson(), j.toString(), (System.nanoTime() - t0) / 1e9);
    }
}
