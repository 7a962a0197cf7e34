package org.collapselab.nn.image.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads an {@link ImageDataset} from a folder holding the four IDX files of the MNIST layout, plain or gzipped:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte} (each optionally ending in {@code .gz}; the {@code train-images.idx3-ubyte} spelling
 * is accepted too). MNIST itself is fetched by {@code scripts/fetch-data.sh} into {@code data/mnist}; Fashion-MNIST
 * comes from Debian's {@code dataset-fashion-mnist} in {@value #FASHION_MNIST_DEFAULT}. Users can point at their own
 * copy.
 */
public final class ImageFolder {
    /** Default MNIST folder, relative to the working directory. */
    public static final String MNIST_DEFAULT = "data/mnist";
    /** Default Fashion-MNIST folder (Debian package {@code dataset-fashion-mnist}). */
    public static final String FASHION_MNIST_DEFAULT = "/usr/share/datasets/fashion-mnist";
    /** Environment variable naming the data root (MNIST is looked up in {@code $COLLAPSELAB_DATA/mnist}). */
    public static final String DATA_ROOT_ENV = "COLLAPSELAB_DATA";
    /** Environment variable naming the MNIST folder itself (overrides {@link #DATA_ROOT_ENV}). */
    public static final String MNIST_DIR_ENV = "COLLAPSELAB_MNIST_DIR";
    /** Environment variable naming the Fashion-MNIST folder. */
    public static final String FASHION_MNIST_DIR_ENV = "COLLAPSELAB_FASHION_MNIST_DIR";

    private ImageFolder() {}

    /** The MNIST folder: {@value #MNIST_DIR_ENV}, else {@code $COLLAPSELAB_DATA/mnist}, else {@value #MNIST_DEFAULT}. */
    public static Path defaultMnistDir() {
        String dir = System.getenv(MNIST_DIR_ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String root = System.getenv(DATA_ROOT_ENV);
        if (root != null && !root.isBlank()) {
            return Path.of(root, "mnist");
        }
        return Path.of(MNIST_DEFAULT);
    }

    /** The Fashion-MNIST folder: {@value #FASHION_MNIST_DIR_ENV}, else {@value #FASHION_MNIST_DEFAULT}. */
    public static Path defaultFashionMnistDir() {
        String dir = System.getenv(FASHION_MNIST_DIR_ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(FASHION_MNIST_DEFAULT);
    }

    /** Data set names that need no {@code data_dir}. */
    public static final List<String> KNOWN = List.of("mnist", "fashion-mnist");

    /**
     * Why a study's {@code dataset} cannot be used, or null: without {@code data_dir} it must be one of {@link #KNOWN}
     * (another name would silently read MNIST); with it any name labels the folder's data.
     */
    public static String datasetProblem(String dataset, String dataDir) {
        boolean own = dataDir != null && !dataDir.isBlank();
        return own || KNOWN.contains(dataset)
                ? null
                : "one of " + String.join(", ", KNOWN) + " (or any name together with data_dir: a folder of IDX files)";
    }

    /** The number of training images in {@code dir} from its IDX header alone; -1 when it cannot be read. */
    public static int trainCount(Path dir) {
        try {
            return IdxFiles.imageCount(find(dir, "train", "images-idx3"));
        } catch (IdxFormatException e) {
            return -1;
        }
    }

    /** Loads train and test splits from {@code dir}; {@code name} labels the data set in reports. */
    public static ImageDataset load(String name, Path dir) throws IdxFormatException {
        if (!Files.isDirectory(dir)) {
            throw new IdxFormatException(
                    "data folder " + dir.toAbsolutePath() + " does not exist; expected a folder with "
                            + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte "
                            + "(plain or .gz)" + fetchHint(dir));
        }
        ImageSet train = loadSplit(name + "/train", dir, "train", "images-idx3", "labels-idx1");
        ImageSet test = loadSplit(name + "/test", dir, "t10k", "images-idx3", "labels-idx1");
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IdxFormatException(
                    dir + ": training images are " + train.rows() + "x" + train.cols() + " but test images are "
                            + test.rows() + "x" + test.cols() + "; both splits must have the same size");
        }
        return new ImageDataset(name, train, test);
    }

    /** Loads one split ({@code prefix} is {@code train} or {@code t10k}). */
    static ImageSet loadSplit(String name, Path dir, String prefix, String imagesStem, String labelsStem)
            throws IdxFormatException {
        Path imagesFile = find(dir, prefix, imagesStem);
        Path labelsFile = find(dir, prefix, labelsStem);
        IdxFiles.RawImages images = IdxFiles.readImages(imagesFile);
        int[] labels = IdxFiles.readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new IdxFormatException(labelsFile + " has " + labels.length + " labels but " + imagesFile + " has "
                    + images.count() + " images; expected one label per image");
        }
        int max = 0;
        for (int y : labels) {
            max = Math.max(max, y);
        }
        if (max > 254) {
            throw new IdxFormatException(labelsFile + ": label value " + max + " is not a class index");
        }
        int classes = Math.max(10, max + 1);
        return new ImageSet(name, images.count(), images.rows(), images.cols(), images.pixels(), labels, classes);
    }

    private static Path find(Path dir, String prefix, String stem) throws IdxFormatException {
        String dotted = stem.replace('-', '.');
        List<String> names = List.of(
                prefix + "-" + stem + "-ubyte",
                prefix + "-" + stem + "-ubyte.gz",
                prefix + "-" + dotted + "-ubyte",
                prefix + "-" + dotted + "-ubyte.gz");
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IdxFormatException(dir.resolve(names.get(0)) + ": file not found (also tried " + names.get(1) + ", "
                + names.get(2) + ", " + names.get(3) + "); folder holds: " + listing(dir) + fetchHint(dir));
    }

    private static String listing(Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).sorted().limit(12).forEach(names::add);
        } catch (IOException e) {
            return "(unreadable)";
        }
        return names.isEmpty() ? "(nothing)" : String.join(", ", names);
    }

    private static String fetchHint(Path dir) {
        if (dir.normalize().endsWith(Path.of("mnist"))) {
            return ". Run scripts/fetch-data.sh to fetch MNIST, or set " + MNIST_DIR_ENV + " to your own copy";
        }
        if (dir.toString().contains("fashion")) {
            return ". Install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or set "
                    + FASHION_MNIST_DIR_ENV + " to your own copy";
        }
        return "";
    }
}
