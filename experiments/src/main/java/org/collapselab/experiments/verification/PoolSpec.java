package org.collapselab.experiments.verification;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Locale;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;

/**
 * One ridge point of the verification and teacher studies as text fields (serialisable; the spectrum is rebuilt from
 * its spec): n1 real rows plus a pool of {@code pool} synthetic rows (π bad, kept with ϕ good / ψ bad), labelled by a
 * random shift of quality c² or by a trained teacher ({@code teacher}: none, ridge:NS:LAMS, rp:NS:MS:LAMS).
 *
 * @param d dimension
 * @param spectrum Σ's spec (iso, power:A)
 * @param n1 real rows
 * @param pool synthetic rows before verification
 * @param c2 the shift's quality (0 with a teacher)
 * @param sigma label noise σ (real, synthetic and the teacher's rows)
 * @param lambda the student's ridge penalty
 * @param badShare π
 * @param keepGood ϕ
 * @param keepBad ψ
 * @param teacher the synthetic labels' source
 */
public record PoolSpec(
        int d,
        String spectrum,
        long n1,
        long pool,
        double c2,
        double sigma,
        double lambda,
        double badShare,
        double keepGood,
        double keepBad,
        String teacher)
        implements java.io.Serializable {

    /** The core problem (validated there). */
    public Problem problem() {
        long n = n1 + pool;
        SyntheticTeacher t = SyntheticTeacher.parse(teacher);
        return new Problem(
                ModelKind.RIDGE,
                SpectrumSpecs.parse(spectrum, d),
                null,
                n,
                0,
                (double) pool / n,
                t.isNone() ? c2 : 0,
                sigma,
                lambda,
                sigma,
                1,
                Estimator.MIX,
                null,
                new Verifier(badShare, keepGood, keepBad),
                t);
    }

    /** The same point with other keep probabilities. */
    public PoolSpec withKeep(double newKeepGood, double newKeepBad) {
        return new PoolSpec(d, spectrum, n1, pool, c2, sigma, lambda, badShare, newKeepGood, newKeepBad, teacher);
    }

    /** The same point with another pool size. */
    public PoolSpec withPool(long newPool) {
        return new PoolSpec(d, spectrum, n1, newPool, c2, sigma, lambda, badShare, keepGood, keepBad, teacher);
    }

    /** The same point with another teacher. */
    public PoolSpec withTeacher(String newTeacher) {
        return new PoolSpec(d, spectrum, n1, pool, c2, sigma, lambda, badShare, keepGood, keepBad, newTeacher);
    }

    /** Canonical JSON of the point (fixed key order), the cell's configuration. */
    public String json(String family) {
        return String.format(
                Locale.ROOT,
                "{\"family\":\"%s\",\"d\":%d,\"spectrum\":\"%s\",\"n1\":%d,\"pool\":%d,"
                        + "\"c2\":%s,\"sigma\":%s,\"lambda\":%s,\"badShare\":%s,\"keepGood\":%s,\"keepBad\":%s,\"teacher\":\"%s\"",
                family,
                d,
                spectrum,
                n1,
                pool,
                c2,
                sigma,
                lambda,
                badShare,
                keepGood,
                keepBad,
                teacher);
    }

    /** The simulation seed: a pure function of the base seed and the point (never of its position in a grid). */
    public long seed(long baseSeed, String family) {
        String h = CellKeys.sha256Hex(baseSeed + "|" + json(family) + "}");
        return ByteBuffer.wrap(HexFormat.of().parseHex(h.substring(0, 16))).getLong();
    }
}
