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
 * {@code diagnose}'s "verify then train": on a synthetic file whose every other row has its label shifted by 3 (six
 * real noise deviations), the verifier keeps the good rows and drops the shifted ones, and the verified recipe
 * beats all synthetic rows at weight 1.
 */
class DiagnoseVerifyTest {
    @TempDir
    Path dir;

    /** y = 2 + xᵀw1 + σε (x ~ N(1, I), d = 4); on synthetic rows σ = 0.3 and every odd row's label + 3. */
    static String rows(int n, boolean synthetic, long seed) {
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
            y += (synthetic ? 0.3 : 0.5) * rng.nextGaussian() + (synthetic && i % 2 == 1 ? 3 : 0);
            b.append(String.format(Locale.ROOT, "%.6f%n", y));
        }
        return b.toString();
    }

    @Test
    void theVerifierKeepsTheGoodHalfAndItsRecipeBeatsAllSyntheticRows() throws Exception {
        Path real = Files.writeString(dir.resolve("R.csv"), rows(60, false, 11));
        Path syn = Files.writeString(dir.resolve("S.csv"), rows(1000, true, 12));
        CliRun.Result r = CliRun.run("diagnose", "--real", real.toString(), "--synthetic", syn.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode v = org.collapselab.experiments.json.TheoryJson.MAPPER
                .readTree(r.out())
                .get("verifyThenTrain");
        assertThat(v.get("syntheticRows").asInt()).isEqualTo(1000);
        assertThat(v.get("band").asDouble()).isEqualTo(2.0);
        // Good rows lie within ±2s of the real fit with probability ≈ 1 (residual sd ≈ 0.3 against s ≈ 0.5), shifted
        // rows (3 away) almost never: kept ≈ 500.
        assertThat(v.get("keptShare").asDouble()).isBetween(0.45, 0.55);
        assertThat(v.get("keptRows").asInt())
                .isEqualTo((int) Math.round(1000 * v.get("keptShare").asDouble()));
        JsonNode rec = v.get("recipe");
        for (String k : new String[] {
            "syntheticRows",
            "syntheticWeight",
            "lambda",
            "predictedTestError",
            "predictedByTheory",
            "measuredError",
            "measuredStdError"
        }) {
            assertThat(rec.get(k).isNumber()).as(k).isTrue();
        }
        JsonNode all = org.collapselab.experiments.json.TheoryJson.MAPPER
                .readTree(r.out())
                .get("baselines")
                .get("allSynthetic");
        assertThat(rec.get("measuredError").asDouble())
                .isLessThan(all.get("measuredError").asDouble());
        // The prediction includes the label noise σ1² = 0.25.
        assertThat(rec.get("predictedTestError").asDouble()).isGreaterThan(0.2);

        CliRun.Result text = CliRun.run("diagnose", "--real", real.toString(), "--synthetic", syn.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out())
                .containsPattern("verify then train: a verifier keeping synthetic rows within 2.00 s of the "
                        + "real-only fit keeps \\d+ of 1000 \\(\\d+\\.\\d%\\); then k = \\d+, A = .*, lambda = .*: predicted error "
                        + ".*, measured .*");
        assertThat(text.out()).contains("verify+train");
    }
}
