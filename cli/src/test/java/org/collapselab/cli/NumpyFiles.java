package org.collapselab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a test CSV (features a,b,c,e then y) as a NumPy .npz with arrays X (n×4, float64) and y (n). */
final class NumpyFiles {
    private NumpyFiles() {}

    /** The same CSV with the feature columns named x0..x3 (the names NumPy files get). */
    static String renamed(String csv) {
        return csv.replaceFirst("a,b,c,e,y", "x0,x1,x2,x3,y");
    }

    static void writeNpz(Path path, String csv) throws IOException {
        String[] lines = csv.split("\n");
        int n = lines.length - 1;
        double[] x = new double[n * 4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] c = lines[i + 1].split(",");
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = Double.parseDouble(c[j]);
            }
            y[i] = Double.parseDouble(c[4]);
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(path))) {
            z.putNextEntry(new ZipEntry("X.npy"));
            z.write(npy(x, "(" + n + ", 4)"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("y.npy"));
            z.write(npy(y, "(" + n + ",)"));
            z.closeEntry();
        }
    }

    static byte[] npy(double[] v, String shape) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.ISO_8859_1));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        out.writeBytes(b.array());
        return out.toByteArray();
    }
}
