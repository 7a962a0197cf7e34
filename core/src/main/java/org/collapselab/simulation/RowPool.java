package org.collapselab.simulation;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.data.TrainingSet;
import org.collapselab.linalg.Matrix;

/**
 * The rows of all generations so far, with the labels they were given then, for the {@code accumulate} schedules
 * of {@link LoopSimulator}. Blocks are kept as drawn (generation-major); {@link #gather} stacks the rows a
 * {@link org.collapselab.problem.Schedule#trainingRows} selection names.
 */
final class RowPool {
    private final List<TrainingSet> blocks = new ArrayList<>();
    private int rows;

    /** Rows pooled so far. */
    int rows() {
        return rows;
    }

    void add(TrainingSet block) {
        blocks.add(block);
        rows += block.y().length;
    }

    /** The pooled rows at the given global indices (realRows of the result counts the ones that were real). */
    TrainingSet gather(int[] index) {
        int d = blocks.get(0).x().cols();
        int out = index.length;
        int[] block = new int[out];
        int[] local = new int[out];
        int real = 0;
        for (int r = 0; r < out; r++) {
            int g = index[r];
            int b = 0;
            while (g >= blocks.get(b).y().length) {
                g -= blocks.get(b).y().length;
                b++;
            }
            block[r] = b;
            local[r] = g;
            real += g < blocks.get(b).realRows() ? 1 : 0;
        }
        Matrix x = Matrix.zeros(out, d);
        double[] dst = x.data();
        double[] y = new double[out];
        for (int r = 0; r < out; r++) {
            y[r] = blocks.get(block[r]).y()[local[r]];
        }
        for (int j = 0; j < d; j++) {
            int base = j * out;
            for (int r = 0; r < out; r++) {
                TrainingSet t = blocks.get(block[r]);
                dst[base + r] = t.x().data()[j * t.y().length + local[r]];
            }
        }
        return new TrainingSet(x, y, real, out - real);
    }
}
