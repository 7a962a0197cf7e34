package org.collapselab.nn.image.diagnose.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.nn.image.data.ImageSet;

/**
 * The bench's public data sets as feature tables: scikit-learn's bundled CSV files (Debian's python3-sklearn, fetched
 * by {@code scripts/diagnose-bench-data.sh} into {@code data/sklearn}) in their raw units, and MNIST-style images as
 * their top principal components (fitted on images no scenario uses).
 */
final class BenchData {
    private BenchData() {}

    /** Rows x (n×d, column-major) and a target; {@code images} keeps the source image indices when from images. */
    record Table(String name, Matrix x, double[] y, int[] images) {
        int rows() {
            return y.length;
        }
    }

    static List<double[]> rows(Path file, String sep, int skip) throws IOException {
        List<double[]> out = new ArrayList<>();
        var in = Files.newInputStream(file);
        var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                if (n++ < skip || line.isBlank()) {
                    continue;
                }
                String[] cells = line.trim().split(sep);
                double[] v = new double[cells.length];
                for (int j = 0; j < v.length; j++) {
                    v[j] = Double.parseDouble(cells[j].replace("\"", ""));
                }
                out.add(v);
            }
        }
        return out;
    }

    /** A table whose target is column {@code target} of each row (the other columns are features). */
    static Table table(String name, List<double[]> rows, int target) {
        int n = rows.size();
        int d = rows.get(0).length - 1;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            for (int j = 0, c = 0; j <= d; j++) {
                if (j == target) {
                    y[i] = r[j];
                } else {
                    x[i + (c++) * n] = r[j];
                }
            }
        }
        return new Table(name, new Matrix(n, d, x), y, null);
    }

    static Table diabetes(Path dir) throws IOException {
        List<double[]> x = rows(dir.resolve("diabetes_data_raw.csv.gz"), "\\s+", 0);
        List<double[]> y = rows(dir.resolve("diabetes_target.csv.gz"), "\\s+", 0);
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            double[] r = java.util.Arrays.copyOf(x.get(i), x.get(i).length + 1);
            r[r.length - 1] = y.get(i)[0];
            all.add(r);
        }
        return table("diabetes", all, 10);
    }

    static Table boston(Path dir) throws IOException {
        return table("boston", rows(dir.resolve("boston_house_prices.csv"), ",", 2), 13);
    }

    /** Breast cancer, target 1 = benign. */
    static Table cancer(Path dir) throws IOException {
        return table("breast-cancer", rows(dir.resolve("breast_cancer.csv"), ",", 1), 30);
    }

    /** Wine, target: alcohol (column 0) from the other 12 measurements and the class. */
    static Table wine(Path dir) throws IOException {
        return table("wine", rows(dir.resolve("wine_data.csv"), ",", 1), 0);
    }

    /** Iris, target: petal width (column 3) from the other three measurements and the species code. */
    static Table iris(Path dir) throws IOException {
        return table("iris", rows(dir.resolve("iris.csv"), ",", 1), 3);
    }

    /** Digits (8×8), target: the digit's value. */
    static Table digits(Path dir) throws IOException {
        return table("digits", rows(dir.resolve("digits.csv.gz"), ",", 0), 64);
    }

    /** Top-d principal components of images (pixel/255), basis from images [0, pcaImages). */
    static Matrix pcaBasis(ImageSet set, int pcaImages, int d) {
        int p = set.dimension();
        Matrix x = pixels(set, range(0, pcaImages), false);
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < pcaImages; i++) {
                mean[j] += x.get(i, j) / pcaImages;
            }
        }
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < pcaImages; i++) {
                x.set(i, j, x.get(i, j) - mean[j]);
            }
        }
        Matrix g = DenseOps.gramTransposed(x, 1.0 / pcaImages);
        double[] e = new double[p];
        DenseOps.symmetricEigenInPlace(g, e);
        Matrix basis = Matrix.zeros(p, d);
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < p; j++) {
                basis.set(j, k, g.get(j, p - 1 - k));
            }
        }
        return basis;
    }

    /** Pixel rows (pixel/255) of the given images, optionally blurred by a 3×3 box filter. */
    static Matrix pixels(ImageSet set, int[] images, boolean blur) {
        int p = set.dimension();
        int n = images.length;
        int w = set.cols();
        int h = set.rows();
        double[] out = new double[n * p];
        byte[] px = set.pixels();
        for (int i = 0; i < n; i++) {
            int base = images[i] * p;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double v;
                    if (!blur) {
                        v = (px[base + r * w + c] & 0xFF) / 255.0;
                    } else {
                        double s = 0;
                        int m = 0;
                        for (int dr = -1; dr <= 1; dr++) {
                            for (int dc = -1; dc <= 1; dc++) {
                                int rr = r + dr;
                                int cc = c + dc;
                                if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
                                    s += (px[base + rr * w + cc] & 0xFF) / 255.0;
                                    m++;
                                }
                            }
                        }
                        v = s / m;
                    }
                    out[i + (r * w + c) * n] = v;
                }
            }
        }
        return new Matrix(n, p, out);
    }

    /** Image features: pixels (optionally blurred) times the PCA basis. */
    static Matrix project(ImageSet set, int[] images, Matrix basis, boolean blur) {
        return DenseOps.multiply(pixels(set, images, blur), basis);
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
