package org.collapselab.nn.pilots;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.collapselab.estimation.Rows;
import org.collapselab.experiments.diagnose.LabelledRows;
import org.collapselab.linalg.Matrix;

/**
 * The rows a pilot grid draws from: a training pool of real rows, the synthetic rows and the real test rows (all
 * row-major, n × d), with a content fingerprint so that cell keys change whenever the data or the split do.
 *
 * @param d features
 * @param realX real training pool
 * @param realY its labels
 * @param synX synthetic rows
 * @param synY their labels
 * @param testX real test rows
 * @param testY their labels
 * @param classes the real rows' classes, sorted (empty unless the learner classifies)
 * @param fingerprint SHA-256 of every array and the split
 */
public record PilotData(
        int d,
        double[] realX,
        double[] realY,
        double[] synX,
        double[] synY,
        double[] testX,
        double[] testY,
        double[] classes,
        String fingerprint)
        implements Serializable {
    /** Share of the real rows held out for testing when no test file is given. */
    public static final double TEST_SHARE = 0.25;

    /** Real training rows. */
    public int realRows() {
        return realY.length;
    }

    /** Synthetic rows. */
    public int syntheticRows() {
        return synY.length;
    }

    /** Real test rows. */
    public int testRows() {
        return testY.length;
    }

    /**
     * The pool and test rows: {@code test} when given, else a seeded {@value #TEST_SHARE} of the real rows (the rest is
     * the training pool). {@code classes} is empty for a regression learner.
     */
    public static PilotData of(LabelledRows real, LabelledRows syn, LabelledRows test, long seed, double[] classes) {
        int n = real.rows();
        int d = real.x().cols();
        int[] trainIdx;
        int[] testIdx;
        if (test == null) {
            int[] perm = Rows.permutation(n, new SplittableRandom(seed));
            int held = (int) Math.ceil(TEST_SHARE * n);
            testIdx = java.util.Arrays.copyOfRange(perm, 0, held);
            trainIdx = java.util.Arrays.copyOfRange(perm, held, n);
        } else {
            trainIdx = all(n);
            testIdx = null;
        }
        double[] rx = rows(real.x(), trainIdx);
        double[] ry = labels(real.y(), trainIdx);
        double[] tx = test == null ? rows(real.x(), testIdx) : rows(test.x(), all(test.rows()));
        double[] ty = test == null ? labels(real.y(), testIdx) : test.y().clone();
        double[] sx = rows(syn.x(), all(syn.rows()));
        double[] sy = syn.y().clone();
        String fp = fingerprint(d, seed, test == null, rx, ry, sx, sy, tx, ty, classes);
        return new PilotData(d, rx, ry, sx, sy, tx, ty, classes.clone(), fp);
    }

    private static int[] all(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double[] rows(Matrix x, int[] idx) {
        int d = x.cols();
        double[] out = new double[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = x.get(idx[i], j);
            }
        }
        return out;
    }

    private static double[] labels(double[] y, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }

    private static String fingerprint(int d, long seed, boolean split, double[]... arrays) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer head =
                    ByteBuffer.allocate(17).putInt(d).putLong(split ? seed : 0).put((byte) (split ? 1 : 0));
            head.putInt(arrays.length);
            md.update(head.array());
            ByteBuffer b = ByteBuffer.allocate(8 * 1024);
            for (double[] a : arrays) {
                md.update(ByteBuffer.allocate(4).putInt(a.length).array());
                for (double v : a) {
                    if (!b.hasRemaining()) {
                        md.update(b.array(), 0, b.position());
                        b.clear();
                    }
                    b.putDouble(v + 0.0);
                }
                md.update(b.array(), 0, b.position());
                b.clear();
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
