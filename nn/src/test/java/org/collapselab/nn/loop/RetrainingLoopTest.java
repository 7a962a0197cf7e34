package org.collapselab.nn.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.problem.Schedule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The loop driver with a stub world: a "model" is its generation number, a row records which model labelled it
 * (−1: real). Checks which rows each generation trains on per schedule and that generation k's synthetic rows come
 * from generation k − 1.
 */
@Tag("neural")
class RetrainingLoopTest {
    /** A row: a serial number and its labeller (−1 = real). */
    record Stub(int serial, int labelledBy) {}

    /** A model: its generation; closed once the next generation's rows exist. */
    static final class Model implements AutoCloseable {
        final int generation;
        boolean closed;

        Model(int generation) {
            this.generation = generation;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class World implements RetrainingLoop.World<Stub, Model> {
        final List<List<RetrainingLoop.Row<Stub>>> trained = new ArrayList<>();
        final List<Model> models = new ArrayList<>();
        final List<Double> scales = new ArrayList<>();
        final boolean firstTeacher;
        int serial;

        World(boolean firstTeacher) {
            this.firstTeacher = firstTeacher;
        }

        @Override
        public List<Stub> rows(int generation, int realCount, int n, Model teacher) {
            assertThat(teacher == null).isEqualTo(generation == 0);
            if (teacher != null) {
                assertThat(teacher.closed).isFalse();
                assertThat(teacher.generation).isEqualTo(firstTeacher ? 0 : generation - 1);
            }
            List<Stub> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new Stub(serial++, i < realCount ? -1 : teacher.generation));
            }
            return out;
        }

        @Override
        public Model train(List<RetrainingLoop.Row<Stub>> rows, int generation, double budgetScale) {
            trained.add(rows);
            scales.add(budgetScale);
            Model m = new Model(generation);
            models.add(m);
            return m;
        }

        @Override
        public RetrainingLoop.Measurement measure(Model model, int generation, Model first) {
            assertThat(first.generation).isZero();
            assertThat(first.closed).isFalse();
            return new RetrainingLoop.Measurement(generation, Double.NaN, null, "", null);
        }
    }

    private static World run(Schedule s, double r, int generations, int n) throws Exception {
        return run(new LoopArm(s, r), generations, n);
    }

    private static World run(LoopArm arm, int generations, int n) throws Exception {
        World w = new World(arm.variant() == LoopArm.Variant.FIRST_TEACHER);
        List<GenerationResult> out = RetrainingLoop.run(w, arm, generations, n, 5);
        assertThat(out).hasSize(generations + 1);
        for (int k = 0; k <= generations; k++) {
            assertThat(out.get(k).generation()).isEqualTo(k);
            assertThat(out.get(k).trainingRows()).isEqualTo(w.trained.get(k).size());
            assertThat(out.get(k).realRows()).isEqualTo((int)
                    w.trained.get(k).stream().filter(RetrainingLoop.Row::real).count());
        }
        assertThat(w.models).allMatch(m -> m.closed);
        return w;
    }

    @Test
    void replaceTrainsOnItsOwnRowsLabelledByThePreviousGeneration() throws Exception {
        World w = run(Schedule.REPLACE, 0.25, 4, 8);
        for (int k = 0; k <= 4; k++) {
            final int gen = k;
            List<RetrainingLoop.Row<Stub>> rows = w.trained.get(k);
            assertThat(rows).hasSize(8).allMatch(x -> x.generation() == gen);
            long real = rows.stream().filter(RetrainingLoop.Row::real).count();
            assertThat(real).isEqualTo(k == 0 ? 8 : 2); // round(0.25 · 8)
            for (RetrainingLoop.Row<Stub> row : rows) {
                assertThat(row.value().labelledBy()).isEqualTo(row.real() ? -1 : k - 1);
            }
        }
    }

    @Test
    void accumulateKeepsEveryRowWithTheLabelItWasGivenThen() throws Exception {
        World w = run(Schedule.ACCUMULATE, 0, 3, 5);
        for (int k = 0; k <= 3; k++) {
            List<RetrainingLoop.Row<Stub>> rows = w.trained.get(k);
            assertThat(rows).hasSize((k + 1) * 5);
            for (int i = 0; i < rows.size(); i++) {
                RetrainingLoop.Row<Stub> row = rows.get(i);
                assertThat(row.value().serial()).isEqualTo(i); // generation-major order
                assertThat(row.generation()).isEqualTo(i / 5);
                assertThat(row.value().labelledBy()).isEqualTo(row.generation() == 0 ? -1 : row.generation() - 1);
            }
        }
    }

    @Test
    void accumulateSubsampleDrawsNDistinctRowsFromAllSoFar() throws Exception {
        World w = run(Schedule.ACCUMULATE_SUBSAMPLE, 0, 3, 6);
        for (int k = 1; k <= 3; k++) {
            final int pool = (k + 1) * 6;
            List<RetrainingLoop.Row<Stub>> rows = w.trained.get(k);
            Set<Integer> serials = new HashSet<>();
            rows.forEach(x -> serials.add(x.value().serial()));
            assertThat(rows).hasSize(6);
            assertThat(serials).hasSize(6).allMatch(s -> s < pool);
        }
        // generation 0 of every schedule is the same: its own n real rows
        assertThat(w.trained.get(0)).allMatch(RetrainingLoop.Row::real);
    }

    @Test
    void theControlsChangeTheTeacherTheRowsOrTheBudget() throws Exception {
        // teacher = generation 0 throughout
        World first = run(new LoopArm(Schedule.REPLACE, 0, LoopArm.Variant.FIRST_TEACHER), 3, 4);
        for (int k = 1; k <= 3; k++) {
            assertThat(first.trained.get(k)).allMatch(x -> x.value().labelledBy() == 0);
        }
        // the real share alone: the synthetic rows are left out
        World alone = run(new LoopArm(Schedule.REPLACE, 0.5, LoopArm.Variant.REAL_ONLY), 3, 8);
        for (int k = 1; k <= 3; k++) {
            assertThat(alone.trained.get(k)).hasSize(4).allMatch(RetrainingLoop.Row::real);
        }
        // every new row real: no teacher is asked
        World real = run(Schedule.ACCUMULATE, 1, 2, 5);
        assertThat(real.trained.get(2)).hasSize(15).allMatch(RetrainingLoop.Row::real);
        // accumulate with a budget ∝ rows: 1, 2, 3 times one generation's
        World growing = run(new LoopArm(Schedule.ACCUMULATE, 0, LoopArm.Variant.GROWING_BUDGET), 2, 5);
        assertThat(growing.scales).containsExactly(1.0, 2.0, 3.0);
        assertThat(run(Schedule.ACCUMULATE, 0, 2, 5).scales).containsExactly(1.0, 1.0, 1.0);
    }
}
