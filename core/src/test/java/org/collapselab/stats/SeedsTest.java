package org.collapselab.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void deriveIsAPathOfStreams() {
        assertThat(Seeds.derive(42)).isEqualTo(42);
        assertThat(Seeds.derive(42, 3, 7)).isEqualTo(Seeds.derive(Seeds.derive(42, 3), 7));
        // the SplitMix64 mix the image study's keys were made with
        assertThat(Seeds.derive(42, 3))
                .isEqualTo(new SplittableRandom(42 * 0x9E3779B97F4A7C15L + 3 * 0xBF58476D1CE4E5B9L).nextLong());
        Set<Long> seen = new HashSet<>();
        for (long base = 0; base < 50; base++) {
            for (long stream = 0; stream < 50; stream++) {
                seen.add(Seeds.derive(base, stream));
            }
        }
        assertThat(seen).hasSize(2500);
    }

    @Test
    void legacyFormulasAreTheStoredOnes() throws Exception {
        assertThat(Seeds.Legacy.runs(7, 3))
                .containsExactly(new SplittableRandom(7).longs(3).toArray());
        assertThat(Seeds.Legacy.offset(1000, 5)).isEqualTo(1005);
        assertThat(Seeds.Legacy.scaled(2, 3)).isEqualTo(2_000_009);
        assertThat(Seeds.Legacy.pair(9, 100, 0.25)).isEqualTo(9 ^ (100 * 1_000_003L + 250_000));
        // a Gaussian cell's seed: the first 16 hex digits of SHA-256("base|json")
        String hex = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256").digest("5|{\"n\":10}".getBytes(StandardCharsets.UTF_8)));
        assertThat(Seeds.Legacy.hashed(5, "{\"n\":10}")).isEqualTo(Long.parseUnsignedLong(hex.substring(0, 16), 16));
    }

    @Test
    void summaryIsMeanSampleSdAndCount() {
        Summary s = Summary.of(new double[] {1, 2, 3, 4});
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.stderr()).isCloseTo(Math.sqrt(5.0 / 3) / 2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Summary.of(new double[] {3}).sd()).isZero();
        assertThat(Summary.of(new double[0]).mean()).isNaN();
    }
}
