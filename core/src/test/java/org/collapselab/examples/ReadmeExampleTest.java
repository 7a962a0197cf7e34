package org.collapselab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.junit.jupiter.api.Test;

/** The Java example of docs/java-api.md is this file's {@link ReadmeExample}, verbatim, and it runs and agrees with itself. */
class ReadmeExampleTest {
    @Test
    void theReadmeShowsThisExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/org/collapselab/examples/ReadmeExample.java"));
        String body = source.substring(source.indexOf("import "));
        assertThat(Files.readString(Path.of("../docs/java-api.md"))).contains(body);
    }

    @Test
    void itPrintsTheTheoryCurveAndASimulationThatAgrees() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Locale locale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            ReadmeExample.main(new String[0]);
        } finally {
            System.setOut(old);
            Locale.setDefault(locale);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(6);
        Spectrum s = Spectrum.powerLaw(200, 1.0);
        long n = 100;
        for (int i = 0; i < 5; i++, n *= 10) {
            double e = Theory.predict(Problem.ridge(s, n, 0.1, 1.0, 0.5, 1e-3)).testError();
            assertThat(lines[i]).isEqualTo(String.format(Locale.ROOT, "n=%-8d theory %.5f", n, e));
        }
        // Strong collapse: the error stalls near p2²c² = 0.01 instead of going to 0.
        assertThat(Double.parseDouble(lines[4].split("theory ")[1])).isBetween(0.01, 0.0125);
        String[] sim = lines[5].replaceAll("[^0-9.]+", " ").trim().split(" ");
        double mean = Double.parseDouble(sim[1]);
        double stderr = Double.parseDouble(sim[2]);
        double theory = Double.parseDouble(sim[3]);
        assertThat(Math.abs(mean - theory) / stderr).as(lines[5]).isLessThan(3);
    }
}
