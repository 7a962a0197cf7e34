package org.collapselab.experiments.diagnose;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.collapselab.linalg.Matrix;

/**
 * NumPy data files for {@code diagnose} (format: numpy.lib.format, versions 1–3): {@code .npy} holds one 2-D numeric
 * array whose last column is the label; {@code .npz} holds a 1-D label array named by {@code --label} (default
 * {@code y}) and one 2-D feature array. Feature columns are named x0, x1, ... Numeric dtypes only (float, int, uint,
 * bool, either byte order, C or Fortran order); every value finite.
 */
final class NumpyDataFile {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([fiub])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

    private NumpyDataFile() {}

    /** One array: shape and values in C order. */
    record Array(int[] shape, double[] values) {}

    static LabelledRows read(Path path, String label, List<String> order) {
        String file = path.toString();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
            if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
                Array a = array(file, "array", in);
                if (a.shape().length != 2 || a.shape()[1] < 2) {
                    throw new DataFileException(
                            file,
                            "array",
                            "shape " + java.util.Arrays.toString(a.shape()),
                            "a 2-D array with the features then the label in its last column");
                }
                int n = a.shape()[0];
                int d = a.shape()[1] - 1;
                double[] x = new double[n * d];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        x[i + j * n] = a.values()[i * (d + 1) + j];
                    }
                    y[i] = a.values()[i * (d + 1) + d];
                }
                return rows(file, x, n, d, y, order);
            }
            Map<String, Array> arrays = new LinkedHashMap<>();
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName().endsWith(".npy")
                        ? e.getName().substring(0, e.getName().length() - 4)
                        : e.getName();
                arrays.put(name, array(file, "array '" + name + "'", zip));
            }
            Array y = arrays.remove(label);
            if (y == null || y.shape().length != 1) {
                throw new DataFileException(
                        file,
                        "arrays",
                        y == null
                                ? "no array named '" + label + "'"
                                : "a label array of shape " + java.util.Arrays.toString(y.shape()),
                        "a 1-D label array named by --label (default y) and one 2-D feature array");
            }
            if (arrays.size() != 1 || arrays.values().iterator().next().shape().length != 2) {
                throw new DataFileException(
                        file,
                        "arrays",
                        arrays.size() + " other arrays",
                        "exactly one 2-D feature array besides the label array");
            }
            Array x = arrays.values().iterator().next();
            int n = x.shape()[0];
            int d = x.shape()[1];
            if (n != y.shape()[0]) {
                throw new DataFileException(
                        file,
                        "arrays",
                        n + " feature rows and " + y.shape()[0] + " labels",
                        "one label per feature row");
            }
            double[] cm = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    cm[i + j * n] = x.values()[i * d + j];
                }
            }
            return rows(file, cm, n, d, y.values(), order);
        } catch (IOException ex) {
            throw new UncheckedIOException(
                    file + ": cannot read: " + ex.getClass().getSimpleName(), ex);
        }
    }

    private static LabelledRows rows(String file, double[] x, int n, int d, double[] y, List<String> order) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        if (order != null && !order.equals(names)) {
            throw new DataFileException(
                    file,
                    "array",
                    d + " feature columns x0..x" + (d - 1),
                    "the real file's " + order.size() + " feature columns");
        }
        return new LabelledRows(file, names, new Matrix(n, d, x), y);
    }

    /** Reads one .npy array from the stream. */
    static Array array(String file, String where, InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[8];
        in.readFully(magic);
        if ((magic[0] & 0xFF) != 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw new DataFileException(file, where, "no NumPy header", "a .npy array (numpy.save)");
        }
        int major = magic[6];
        byte[] len = new byte[major == 1 ? 2 : 4];
        in.readFully(len);
        ByteBuffer lb = ByteBuffer.wrap(java.util.Arrays.copyOf(len, 4)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = lb.getInt();
        if (headerLength <= 0 || headerLength > 1 << 20) {
            throw new DataFileException(file, where, "a header of " + headerLength + " bytes", "a NumPy header");
        }
        byte[] h = new byte[headerLength];
        in.readFully(h);
        String header = new String(h, StandardCharsets.ISO_8859_1);
        Matcher dm = DESCR.matcher(header);
        Matcher sm = SHAPE.matcher(header);
        Matcher fm = FORTRAN.matcher(header);
        if (!dm.find() || !sm.find() || !fm.find()) {
            throw new DataFileException(
                    file, where, "an unsupported dtype or header", "a numeric array (float, int, uint or bool)");
        }
        char kind = dm.group(2).charAt(0);
        int size = Integer.parseInt(dm.group(3));
        ByteOrder bo = dm.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Integer> shape = new ArrayList<>();
        for (String s : sm.group(1).split(",")) {
            if (!s.isBlank()) {
                shape.add(Integer.parseInt(s.trim()));
            }
        }
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        if (count > Integer.MAX_VALUE / 8
                || !(size == 1 || size == 2 || size == 4 || size == 8)
                || (kind == 'f' && size < 4)) {
            throw new DataFileException(
                    file,
                    where,
                    "dtype " + kind + size + " with " + count + " values",
                    "a numeric array of at most 2^28 values");
        }
        byte[] data = new byte[Math.toIntExact(count * size)];
        in.readFully(data);
        ByteBuffer b = ByteBuffer.wrap(data).order(bo);
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (kind) {
                case 'f' -> size == 4 ? b.getFloat() : b.getDouble();
                case 'i' -> size == 1 ? b.get() : size == 2 ? b.getShort() : size == 4 ? b.getInt() : b.getLong();
                case 'u' ->
                    size == 1
                            ? b.get() & 0xFF
                            : size == 2 ? b.getShort() & 0xFFFF : size == 4 ? b.getInt() & 0xFFFFFFFFL : b.getLong();
                default -> b.get() != 0 ? 1 : 0;
            };
            if (!Double.isFinite(v[i])) {
                throw new DataFileException(
                        file,
                        where + ", value " + (i + 1),
                        Double.isNaN(v[i]) ? "NaN" : "an infinite " + "value",
                        "finite numbers");
            }
        }
        int[] sh = shape.stream().mapToInt(Integer::intValue).toArray();
        if (fm.group(1).equals("True") && sh.length == 2) {
            double[] c = new double[v.length];
            for (int i = 0; i < sh[0]; i++) {
                for (int j = 0; j < sh[1]; j++) {
                    c[i * sh[1] + j] = v[i + j * sh[0]];
                }
            }
            v = c;
        }
        return new Array(sh, v);
    }
}
