package org.collapselab.nn.image.synthetic;

import ai.djl.engine.Engine;
import java.util.HashMap;
import java.util.Map;
import org.collapselab.nn.image.data.ImageDataset;

/**
 * Everything the cells of one data set share: the loaded images, the input standardisation (training-split pixel
 * mean and standard deviation), the standardised test inputs, and the synthetic targets of each generator (trained
 * once, on first use). Thread-safe: cells of the same context may run in parallel.
 */
public final class ImageExperimentContext {
    private final Engine engine;
    private final ImageDataset dataset;
    private final double mean;
    private final double std;
    private final float[] testInputs;
    private final Map<String, SyntheticLabels> generators = new HashMap<>();

    /** Prepares a context (standardisation and test inputs) for {@code dataset}. */
    public ImageExperimentContext(Engine engine, ImageDataset dataset) {
        this.engine = engine;
        this.dataset = dataset;
        double[] ms = dataset.train().pixelMeanAndStd();
        this.mean = ms[0];
        this.std = ms[1];
        int[] all = new int[dataset.test().count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        this.testInputs = dataset.test().features(all, mean, std);
    }

    public Engine engine() {
        return engine;
    }

    public ImageDataset dataset() {
        return dataset;
    }

    /** Pixel mean used to standardise inputs. */
    public double mean() {
        return mean;
    }

    /** Pixel standard deviation used to standardise inputs. */
    public double std() {
        return std;
    }

    /** Standardised test inputs, row-major (shared, do not modify). */
    public float[] testInputs() {
        return testInputs;
    }

    /** The synthetic targets of {@code spec} with a reserved slice of {@code reserved} images (trained on first use). */
    public SyntheticLabels synthetic(GeneratorSpec spec, int reserved) {
        String key = spec + "/" + reserved;
        synchronized (generators) {
            SyntheticLabels s = generators.get(key);
            if (s == null) {
                s = SyntheticLabels.generate(engine, dataset.train(), dataset.test(), spec, reserved, mean, std);
                generators.put(key, s);
            }
            return s;
        }
    }
}
