package org.collapselab.nn.image.data;

/**
 * A training and a test split of one image data set (e.g. MNIST), loaded from a folder of IDX files.
 *
 * @param name short name ({@code mnist}, {@code fashion-mnist}, or the folder name)
 * @param train training split (the pool that real, synthetic and generator data are drawn from)
 * @param test test split (the real data all models are evaluated on)
 */
public record ImageDataset(String name, ImageSet train, ImageSet test) {
    public ImageDataset {
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException(name + ": train images are " + train.rows() + "x" + train.cols()
                    + " but test images are " + test.rows() + "x" + test.cols());
        }
        if (train.classes() != test.classes()) {
            throw new IllegalArgumentException(name + ": train and test splits have different class counts");
        }
    }
}
