package org.collapselab.nn.pilots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.json.TheoryJson;

/**
 * {@code DIR/pilots-plan.json}: the grid chosen for one set of inputs (data, learner, budget, seed), kept so that a
 * second identical call (or another shard) runs the same grid instead of re-timing a probe that would size it
 * differently. A file for other inputs, or one that cannot be read, is ignored and replaced.
 */
final class PlanFile {
    /** The file's name in the output folder. */
    static final String NAME = "pilots-plan.json";

    private PlanFile() {}

    /** The stored plan for {@code inputs}, or null. */
    static PilotPlan read(Path dir, String inputs) {
        Path f = dir.resolve(NAME);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode j = TheoryJson.MAPPER.readTree(Files.readString(f));
            if (!inputs.equals(j.path("inputs").asText())) {
                return null;
            }
            List<Long> sizes = new ArrayList<>();
            j.path("sizes").forEach(v -> sizes.add(v.asLong()));
            List<Double> shares = new ArrayList<>();
            j.path("shares").forEach(v -> shares.add(v.asDouble()));
            if (sizes.size() < 3 || shares.size() < 2 || j.path("seeds").asInt() < 2) {
                return null;
            }
            return new PilotPlan(
                    sizes,
                    shares,
                    j.path("seeds").asInt(),
                    j.path("predictedSeconds").asDouble(),
                    j.path("probeSeconds").asDouble(),
                    j.path("probeN").asLong(),
                    j.path("budget").asDouble());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Stores {@code plan} for {@code inputs} and returns the plan in force: if another process stored one for the same
     * inputs first, that one (so concurrent shards agree).
     */
    static PilotPlan write(Path dir, String inputs, PilotPlan plan) throws IOException {
        ObjectNode j = TheoryJson.MAPPER.createObjectNode();
        j.put("inputs", inputs);
        plan.sizes().forEach(j.putArray("sizes")::add);
        plan.shares().forEach(j.putArray("shares")::add);
        j.put("seeds", plan.seeds());
        j.put("predictedSeconds", plan.predictedSeconds());
        j.put("probeSeconds", plan.probeSeconds());
        j.put("probeN", plan.probeN());
        j.put("budget", plan.budget());
        Path f = dir.resolve(NAME);
        Path tmp = Files.createTempFile(dir, ".pilots-plan-", ".tmp");
        try {
            Files.writeString(tmp, TheoryJson.MAPPER.writeValueAsString(j) + "\n");
            try {
                Files.move(tmp, f); // fails when the file exists: never replace another shard's plan in silence
            } catch (FileAlreadyExistsException e) {
                PilotPlan theirs = read(dir, inputs);
                if (theirs != null) {
                    return theirs;
                }
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return plan;
    }
}
