package org.collapselab.nn.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void mseAndErrorAgainstOneHot() {
        float[] out = {0.9f, 0.1f, 0f, /* */ 0.2f, 0.3f, 0.5f};
        Evaluation e = Evaluation.of(out, new int[] {0, 1}, 3);
        // image 0: (0.1² + 0.1²) = 0.02; image 1: 0.2² + 0.7² + 0.5² = 0.78
        assertThat(e.mse()).isCloseTo(0.4, within(1e-6));
        assertThat(e.error()).isEqualTo(0.5);
        assertThat(Evaluation.of(Evaluation.oneHot(new int[] {2, 0}, 3), new int[] {2, 0}, 3)
                        .mse())
                .isZero();
    }

    @Test
    void validatesTrainingConfig() {
        assertThatThrownBy(() -> new TrainingConfig(0, 10, 1e-3, 0))
                .hasMessageContaining("epochs must be in [1, 100000], got 0");
        assertThatThrownBy(() -> new TrainingConfig(1, 10, -1, 0)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new TrainingConfig(1, 10, 1e-3, -1)).hasMessageContaining("weightDecay");
    }
}
