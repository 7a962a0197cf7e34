package org.collapselab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.junit.jupiter.api.Test;

/** The JEP 290 filter for shipped jobs: the project's and installed families' classes and plain JDK values only. */
class ShippedClassesTest {
    enum Kind {
        A,
        B
    }

    /** A job holding the kinds of values real jobs hold. */
    record Job(String key, double[] xs, List<Integer> ns, Map<String, Double> m, Kind kind, Object extra)
            implements CellJob {
        @Override
        public StoredCell compute() {
            return null;
        }
    }

    static byte[] bytes(Object o) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    @Test
    void realJobShapesAreRead() throws Exception {
        Job j = new Job(
                "k",
                new double[] {1, 2},
                List.of(1, 2, 3),
                new HashMap<>(Map.of("a", 1.0)),
                Kind.B,
                new ArrayList<>(List.of("x")));
        Job back = ShippedClasses.read(bytes(j), Job.class);
        assertThat(back.ns()).containsExactly(1, 2, 3);
        assertThat(back.kind()).isEqualTo(Kind.B);
        // A job wrapped for a child process, and a family outside the project registered as a service, are read too.
        CellJob child = ShippedClasses.read(bytes(new ProcessSweepExecutor.ChildJob(j, true)), CellJob.class);
        assertThat(((ProcessSweepExecutor.ChildJob) child).job().key()).isEqualTo("k");
        Class<?> square = Class.forName("org.example.squares.SquaresFamily$Square");
        assertThat(ShippedClasses.allowed(square)).isTrue();
    }

    @Test
    void otherClassesAndOtherRootsAreRefusedBeforeTheyAreMade() throws Exception {
        // The classic URLDNS gadget: a map keyed by a URL resolves its host while the map is read.
        Map<Object, String> urls = new HashMap<>();
        urls.put(new URL("http://example.invalid/"), "x");
        assertThatThrownBy(
                        () -> ShippedClasses.read(bytes(new Job("k", null, null, null, Kind.A, urls)), CellJob.class))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("java.net.URL");
        assertThatThrownBy(() -> ShippedClasses.read(
                        bytes(new Job("k", null, null, null, Kind.A, new java.util.concurrent.ConcurrentHashMap<>())),
                        CellJob.class))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("java.util.concurrent.ConcurrentHashMap");
        assertThatThrownBy(() -> ShippedClasses.read(bytes(TimeUnit.SECONDS), CellJob.class))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("not a CellJob");
        assertThatThrownBy(() -> ShippedClasses.read(bytes(List.of("a")), CellJob.class))
                .isInstanceOf(InvalidClassException.class);
    }

    @Test
    void aDeepNestingIsRefused() throws Exception {
        Object nested = "leaf";
        for (int i = 0; i < 200; i++) {
            nested = new ArrayList<>(List.of(nested));
        }
        Object deep = nested;
        assertThatThrownBy(
                        () -> ShippedClasses.read(bytes(new Job("k", null, null, null, Kind.A, deep)), CellJob.class))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("over the limits");
    }
}
