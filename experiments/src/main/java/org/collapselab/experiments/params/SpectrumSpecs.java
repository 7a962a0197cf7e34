package org.collapselab.experiments.params;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.study.StrictYaml;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * Parses the textual spectrum forms used by the CLI and experiment files: {@code iso}, {@code power:A} and
 * {@code file:PATH} (eigenvalues separated by whitespace, commas or newlines; {@code #} starts a comment).
 */
public final class SpectrumSpecs {
    private static final String ALLOWED = "iso, power:A (A >= 0) or file:PATH";
    private static final String FILE_ALLOWED = "a text file of eigenvalues > 0";
    /** Largest spectrum file read (about 3 million eigenvalues). */
    public static final int MAX_FILE_BYTES = 64 << 20;

    private SpectrumSpecs() {}

    /**
     * Builds the spectrum for dimension {@code d}. For {@code file:} the file fixes the dimension; {@code d} must then be
     * 0 (take it from the file) or equal to the file's length.
     */
    public static Spectrum parse(String text, int d) {
        if (text == null || text.isBlank()) {
            throw new ParameterException("spectrum", "an empty value", ALLOWED);
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("iso") || lower.equals("isotropic")) {
            return Spectrum.isotropic(requireD(d));
        }
        if (lower.startsWith("power:")) {
            String a = t.substring("power:".length()).trim();
            double alpha;
            try {
                alpha = Double.parseDouble(a);
            } catch (NumberFormatException e) {
                throw new ParameterException("spectrum", t, ALLOWED);
            }
            return Spectrum.powerLaw(requireD(d), alpha);
        }
        if (lower.startsWith("file:")) {
            Path path = Path.of(t.substring("file:".length()).trim());
            double[] values = readEigenvalues(path);
            if (d != 0 && d != values.length) {
                throw new ParameterException(
                        "d", d, "0 or equal to the number of eigenvalues in " + path + " (" + values.length + ")");
            }
            return Spectrum.of(values, path.getFileName().toString());
        }
        throw new ParameterException("spectrum", t, ALLOWED);
    }

    /** True when the spectrum text fixes its own dimension (a file). */
    public static boolean fixesDimension(String text) {
        return text != null && text.trim().toLowerCase(Locale.ROOT).startsWith("file:");
    }

    /**
     * SHA-256 of a {@code file:} spectrum's bytes (so that result keys follow the file's content, not just its path);
     * null for the built-in forms or an unreadable file.
     */
    public static String contentFingerprint(String text) {
        if (!fixesDimension(text)) {
            return null;
        }
        try {
            Path p = Path.of(text.trim().substring("file:".length()).trim());
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_FILE_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(p);
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static int requireD(int d) {
        if (d < 1) {
            throw new ParameterException("d", d, "an integer >= 1");
        }
        return d;
    }

    /**
     * Reads a spectrum file: a regular file of at most {@link #MAX_FILE_BYTES}, UTF-8, numbers separated by whitespace,
     * commas or semicolons, {@code #} comments. Messages name the file, line and item, never the file's content.
     */
    private static double[] readEigenvalues(Path path) {
        String spec = "file:" + path;
        if (Files.isDirectory(path)) {
            throw new ParameterException("spectrum", spec, FILE_ALLOWED + " (this is a folder)");
        }
        if (!Files.exists(path)) {
            throw new ParameterException("spectrum", spec, FILE_ALLOWED + " (file not found)");
        }
        if (!Files.isRegularFile(path)) {
            throw new ParameterException("spectrum", spec, FILE_ALLOWED + " (this is a device or pipe)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new ParameterException(
                    "spectrum",
                    spec,
                    FILE_ALLOWED + " (cannot read: " + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ParameterException("spectrum", spec, FILE_ALLOWED + " of at most " + MAX_FILE_BYTES + " bytes");
        }
        String text;
        try {
            text = StrictYaml.decode(spec, bytes);
        } catch (StudyFileException e) {
            throw new ParameterException(
                    "spectrum",
                    spec,
                    FILE_ALLOWED + " in UTF-8 (" + e.errors().get(0).substring(spec.length() + 2) + ")");
        }
        List<Double> values = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\\R", -1)) {
            lineNo++;
            int hash = line.indexOf('#');
            String body = hash >= 0 ? line.substring(0, hash) : line;
            int item = 0;
            for (String tok : body.split("[\\s,;]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                item++;
                double v;
                try {
                    v = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw new ParameterException(
                            "spectrum",
                            spec + " (line " + lineNo + ", item " + item + " is not a number)",
                            FILE_ALLOWED);
                }
                values.add(v);
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        if (out.length == 0) {
            throw new ParameterException("spectrum", spec + " (no numbers)", FILE_ALLOWED);
        }
        return Spectrum.of(out, path.getFileName().toString()).eigenvalues();
    }
}
