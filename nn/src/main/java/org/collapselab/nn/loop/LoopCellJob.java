package org.collapselab.nn.loop;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.stats.Seeds;

/**
 * One cell of a neural loop study: a whole loop (generations 0..K) of one arm and seed, computed in one process
 * (generation k needs generation k − 1's model).
 *
 * @param experiment experiment name in the store
 * @param config the study's loop settings
 * @param arm schedule and fresh real share
 * @param seed seed index
 * @param threads PyTorch intra-op threads: fixed at {@link #THREADS} whatever the runner offers, since the thread
 *     count changes float summation order and so the numbers (it is in the key)
 */
public record LoopCellJob(String experiment, LoopConfig config, LoopArm arm, int seed, int threads) implements CellJob {
    private static final long serialVersionUID = 2L;
    /** PyTorch threads of every loop cell. */
    public static final int THREADS = 1;
    /** The loops' JSON mapper (sorted keys, so configurations are canonical). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * The cell's canonical configuration: the study's settings without the list of arms (a loop's numbers do not
     * depend on the other arms of its study), the arm and the seed index.
     */
    public String cellJson() {
        try {
            ObjectNode o = JSON.createObjectNode();
            ObjectNode cfg = (ObjectNode) JSON.readTree(config.configJson());
            cfg.remove("arms");
            o.set("config", cfg);
            o.put("schedule", arm.schedule().key());
            o.put("freshReal", arm.freshReal());
            if (arm.variant() != LoopArm.Variant.STANDARD) {
                o.put("variant", arm.variant().key());
            }
            o.put("seed", seed);
            o.put("threads", THREADS);
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String key() {
        return CellKeys.key(cellJson(), Seeds.Legacy.scaled(config.baseSeed(), seed));
    }

    @Override
    public String label() {
        return "loop " + arm.label() + " seed=" + seed;
    }

    @Override
    public double cost() {
        return config.estimatedSeconds(arm);
    }

    @Override
    public CellJob withThreads(int t) {
        return this; // fixed: see THREADS
    }

    @Override
    public StoredCell compute() throws Exception {
        TorchRuntime.engine(THREADS);
        PrintStream log = System.console() == null ? System.err : new PrintStream(OutputStream.nullOutputStream());
        LoopResult r = config.run(arm, seed, THREADS, log);
        return StoredCell.now(key(), experiment, cellJson(), JSON.writeValueAsString(r), r.seconds());
    }

    /** A stored result read back. */
    public static LoopResult read(String json) throws IOException {
        return JSON.readValue(json, LoopResult.class);
    }
}
