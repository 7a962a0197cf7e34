package org.collapselab.nn.image.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.nn.image.synthetic.ImageContexts;
import org.collapselab.nn.image.synthetic.ImageExperimentContext;

/**
 * One trained image model as a job for the runner: the cell, where its data set is read from, and the experiment
 * name it is stored under. Its key (canonical configuration without the seed, plus the seed and project version) is
 * the one the image studies have always used, so stored cells are reused.
 *
 * @param spec the cell
 * @param dataFolder folder of the data set's IDX files (read by whichever process computes the job)
 * @param experiment experiment name in the result store
 */
public record ImageCellJob(CellSpec spec, String dataFolder, String experiment) implements CellJob {
    private static final long serialVersionUID = 1L;
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public String key() {
        return CellKeys.key(configJson(spec), spec.seed());
    }

    @Override
    public String label() {
        return describe(spec);
    }

    @Override
    public double cost() {
        return CellCost.seconds(spec);
    }

    @Override
    public StoredCell compute() throws Exception {
        long t0 = System.nanoTime();
        ImageExperimentContext ctx = ImageContexts.get(spec.dataset(), java.nio.file.Path.of(dataFolder));
        ctx.synthetic(spec.generator(), spec.reserved()); // shared by the cells of a process: not this cell's time
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        // CPU of this thread, which runs the one-thread PyTorch model: the cell's cost on an idle core, whatever the
        // load
        CellResult r = CellRunner.run(ctx, spec).withCpuSeconds((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.convertValue(r, Map.class);
        m.put("seed", spec.seed());
        m.put("threads", 1); // every image cell trains with one PyTorch thread (ImageContexts)
        return StoredCell.now(
                key(), experiment, configJson(spec), JSON.writeValueAsString(m), (System.nanoTime() - t0) / 1e9);
    }

    /** The stored result of a cell. */
    public static CellResult result(String json) {
        try {
            return JSON.readValue(json, CellResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt image result payload: " + e.getOriginalMessage(), e);
        }
    }

    /** Short description of a cell for messages. */
    public static String describe(CellSpec c) {
        return String.format(
                Locale.ROOT,
                "%s %s width=%d n=%d p2=%s generator=%d seed=%d",
                c.dataset(),
                c.network().name().toLowerCase(Locale.ROOT),
                c.width(),
                c.n(),
                c.p2(),
                c.generator().samples(),
                c.seed());
    }

    /** Canonical configuration JSON of a cell (sorted keys, seed excluded: it is part of the key separately). */
    public static String configJson(CellSpec c) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.convertValue(c, Map.class);
            m.remove("seed");
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode cell " + c, e);
        }
    }
}
