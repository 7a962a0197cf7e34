package org.collapselab.nn.image;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.collapselab.nn.image.data.IdxFormatException;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.data.ImageFolder;

/** Test helpers: tiny IDX files and a tiny learnable image data set (the real MNIST when present). */
public final class TestImages {
    private TestImages() {}

    /** Writes an IDX image file ({@code count} images rows×cols) with the given pixels. */
    public static void writeImages(Path file, int magic, int count, int rows, int cols, byte[] pixels, boolean gzip)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream o = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
    }

    /** Writes an IDX label file. */
    public static void writeLabels(Path file, int magic, int[] labels, int declaredCount, boolean gzip)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream o = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(magic);
            out.writeInt(declaredCount);
            for (int y : labels) {
                out.writeByte(y);
            }
        }
    }

    /**
     * A learnable synthetic 10-class data set of 28×28 images in MNIST layout (class c lights up a class-specific
     * set of pixel blocks, plus noise), written to {@code dir} (gzipped when asked).
     */
    public static void writeToyDataset(Path dir, int train, int test, boolean gzip, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(seed);
        for (String split : new String[] {"train", "t10k"}) {
            int count = split.equals("train") ? train : test;
            byte[] pixels = new byte[count * 784];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int c = rng.nextInt(10);
                labels[i] = c;
                for (int p = 0; p < 784; p++) {
                    int r = p / 28;
                    int col = p % 28;
                    boolean on = ((r / 7) * 4 + col / 7) % 10 == c || (r / 4 + c) % 7 == 0 && col > 14;
                    double v = (on ? 180 : 20) + 40 * rng.nextGaussian();
                    pixels[i * 784 + p] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
            String ext = gzip ? ".gz" : "";
            writeImages(dir.resolve(split + "-images-idx3-ubyte" + ext), 0x803, count, 28, 28, pixels, gzip);
            writeLabels(dir.resolve(split + "-labels-idx1-ubyte" + ext), 0x801, labels, count, gzip);
        }
    }

    /** The real MNIST folder if the files are there (module tests run in nn/, users in the repository root). */
    public static Path realMnist() {
        for (Path p : new Path[] {Path.of("data/mnist"), Path.of("../data/mnist")}) {
            if (Files.exists(p.resolve("train-images-idx3-ubyte"))
                    || Files.exists(p.resolve("train-images-idx3-ubyte.gz"))) {
                return p;
            }
        }
        return null;
    }

    /**
     * Real MNIST when present, otherwise a toy data set written under {@code tmp} (forced by the environment variable
     * {@code COLLAPSELAB_TEST_TOY=1}, to check the tests without the data).
     */
    public static ImageDataset mnistOrToy(Path tmp) throws IOException {
        Path dir = mnistOrToyFolder(tmp);
        try {
            return ImageFolder.load(dir.equals(realMnist()) ? "mnist" : "toy", dir);
        } catch (IdxFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder {@link #mnistOrToy} reads: real MNIST, or the toy set written under {@code tmp}. */
    public static Path mnistOrToyFolder(Path tmp) throws IOException {
        Path real = "1".equals(System.getenv("COLLAPSELAB_TEST_TOY")) ? null : realMnist();
        return real != null ? real : toyFolder(tmp);
    }

    /** A toy data set (3000 training, 1000 test images) written under {@code tmp}. */
    public static Path toyFolder(Path tmp) throws IOException {
        Path dir = tmp.resolve("toy");
        if (!Files.exists(dir.resolve("t10k-labels-idx1-ubyte.gz"))) {
            writeToyDataset(dir, 3000, 1000, true, 11);
        }
        return dir;
    }
}
