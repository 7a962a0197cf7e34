package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose} with useless synthetic labels (independent of the features): their only use is as shrinkage,
 * predicted to gain less than the 2% minimal effect over real-only ridge, so the recommendation is the real rows only,
 * said in words.
 */
class DiagnoseMinimalEffectTest {
    @TempDir
    Path dir;

    /** Real: y = 2 + xᵀw1 + 0.5ε; synthetic: y = 2 + 0.6ε (no relation to x); x ~ N(1, I), d = 4. */
    static String rows(int n, boolean useless, long seed) {
        Random rng = new Random(seed);
        double[] w1 = {0.5, -0.3, 0.2, 0.1};
        StringBuilder b = new StringBuilder("a,b,c,e,y\n");
        for (int i = 0; i < n; i++) {
            double y = 2.0;
            for (int j = 0; j < 4; j++) {
                double x = rng.nextGaussian() + 1;
                y += (x - 1) * w1[j];
                b.append(String.format(Locale.ROOT, "%.6f,", x));
            }
            y = useless ? 2 + 0.6 * rng.nextGaussian() : y + 0.5 * rng.nextGaussian();
            b.append(String.format(Locale.ROOT, "%.6f%n", y));
        }
        return b.toString();
    }

    @Test
    void uselessSyntheticLabelsAreNotUsed() throws Exception {
        Path real = Files.writeString(dir.resolve("R.csv"), rows(200, false, 21));
        Path syn = Files.writeString(dir.resolve("S.csv"), rows(1000, true, 22));
        CliRun.Result r = CliRun.run("diagnose", "--real", real.toString(), "--synthetic", syn.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("recommendation").get("syntheticRows").asInt()).isZero();
        assertThat(j.get("decision").asText())
                .startsWith("do not use these synthetic rows")
                .containsPattern("predicted to gain -?\\d+\\.\\d% over real-only ridge, below the 2% minimal effect");
        // The recommendation is the real-only baseline itself.
        assertThat(j.get("recommendation").get("lambda").asDouble())
                .isEqualTo(j.get("baselines").get("realOnly").get("lambda").asDouble());
    }
}
