package org.collapselab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureLawTest {
    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "rademacher", "uniform", "student:8"})
    void everyLawHasMeanZeroAndUnitVariance(String key) {
        FeatureLaw law = FeatureLaw.parse(key);
        assertThat(law.key()).isEqualTo(key);
        FeatureLaw.Coordinates u = law.coordinates(new SplittableRandom(3));
        int n = 400_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double v = u.next();
            sum += v;
            sum2 += v * v;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(sum2 / n).isCloseTo(1, within(0.02));
    }

    @Test
    void badTextNamesTheFieldAndTheAllowedLaws() {
        assertThatThrownBy(() -> FeatureLaw.parse("cauchy"))
                .hasMessage(
                        "features must be one of gaussian, rademacher, uniform, student:NU with NU > 2, got cauchy");
        assertThatThrownBy(() -> FeatureLaw.parse("student:2")).hasMessageContaining("finite variance");
        assertThatThrownBy(() -> FeatureLaw.parse("student:x")).hasMessageContaining("got student:x");
    }
}
