package org.collapselab.nn.image.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (big-endian header: magic number {@code 0x00000803} for unsigned-byte
 * image tensors of rank 3, {@code 0x00000801} for label vectors of rank 1, then the dimensions, then the bytes).
 * Files may be plain or gzip-compressed (detected from the content, not the name). Every problem is reported as an
 * {@link IdxFormatException} naming the file and what was expected.
 */
public final class IdxFiles {
    /** Magic number of an unsigned-byte rank-3 tensor (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte rank-1 tensor (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int MAX_ITEMS = 10_000_000;
    private static final int MAX_SIDE = 4096;

    private IdxFiles() {}

    /** Raw images: {@code count} images of {@code rows×cols} unsigned bytes, row-major, image after image. */
    public record RawImages(int count, int rows, int cols, byte[] pixels) {}

    /** Reads an IDX image file ({@value #IMAGES_MAGIC} magic). */
    public static RawImages readImages(Path file) throws IdxFormatException {
        try (DataInputStream in = open(file)) {
            int magic = readHeaderInt(in, file, "magic number");
            if (magic != IMAGES_MAGIC) {
                throw new IdxFormatException(file + ": not an IDX image file: magic number is " + hex(magic)
                        + ", expected " + hex(IMAGES_MAGIC) + " (unsigned bytes, 3 dimensions)" + hintFor(magic));
            }
            int count = readHeaderInt(in, file, "image count");
            int rows = readHeaderInt(in, file, "row count");
            int cols = readHeaderInt(in, file, "column count");
            if (count < 0 || count > MAX_ITEMS || rows <= 0 || rows > MAX_SIDE || cols <= 0 || cols > MAX_SIDE) {
                throw new IdxFormatException(
                        file + ": implausible IDX image header: " + count + " images of " + rows + "x" + cols
                                + " (expected 0.." + MAX_ITEMS + " images of 1.." + MAX_SIDE + " pixels per side)");
            }
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE - 16) {
                throw new IdxFormatException(
                        file + ": " + count + " images of " + rows + "x" + cols + " do not fit in memory");
            }
            byte[] pixels = new byte[(int) size];
            readFully(
                    in,
                    pixels,
                    file,
                    "the header announces " + count + " images of " + rows + "x" + cols + " = " + size
                            + " pixel bytes");
            return new RawImages(count, rows, cols, pixels);
        } catch (IdxFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IdxFormatException(file + ": cannot read: " + describe(e), e);
        }
    }

    /** The image count in an IDX image file's header (nothing else is read); -1 when it is not a readable one. */
    public static int imageCount(Path file) {
        try (DataInputStream in = open(file)) {
            return readHeaderInt(in, file, "magic number") == IMAGES_MAGIC
                    ? readHeaderInt(in, file, "image count")
                    : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads an IDX label file ({@value #LABELS_MAGIC} magic) as unsigned byte values. */
    public static int[] readLabels(Path file) throws IdxFormatException {
        try (DataInputStream in = open(file)) {
            int magic = readHeaderInt(in, file, "magic number");
            if (magic != LABELS_MAGIC) {
                throw new IdxFormatException(file + ": not an IDX label file: magic number is " + hex(magic)
                        + ", expected " + hex(LABELS_MAGIC) + " (unsigned bytes, 1 dimension)" + hintFor(magic));
            }
            int count = readHeaderInt(in, file, "label count");
            if (count < 0 || count > MAX_ITEMS) {
                throw new IdxFormatException(
                        file + ": implausible IDX label count " + count + " (expected 0.." + MAX_ITEMS + ")");
            }
            byte[] raw = new byte[count];
            readFully(in, raw, file, "the header announces " + count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        } catch (IdxFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IdxFormatException(file + ": cannot read: " + describe(e), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IdxFormatException(file + ": file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException(file + ": not a regular file");
        }
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = raw;
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            } catch (ZipException e) {
                raw.close();
                throw new IdxFormatException(
                        file + ": looks gzip-compressed but the gzip header is corrupt: " + describe(e), e);
            }
        }
        return new DataInputStream(in);
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(
                    file + ": truncated IDX header: file ends before the " + what
                            + " (an IDX header is big-endian 4-byte integers: magic number, then one count per dimension)",
                    e);
        } catch (ZipException e) {
            throw new IdxFormatException(
                    file + ": corrupt gzip data while reading the " + what + ": " + describe(e), e);
        }
    }

    private static void readFully(DataInputStream in, byte[] dst, Path file, String announced) throws IOException {
        int off = 0;
        try {
            while (off < dst.length) {
                int r = in.read(dst, off, dst.length - off);
                if (r < 0) {
                    break;
                }
                off += r;
            }
        } catch (EOFException e) {
            // handled below (gzip streams may throw instead of returning -1)
        } catch (ZipException e) {
            throw new IdxFormatException(
                    file + ": corrupt gzip data after " + off + " of " + dst.length + " data bytes: " + describe(e), e);
        }
        if (off < dst.length) {
            throw new IdxFormatException(file + ": truncated: " + announced + ", but the file ends after " + off
                    + " of them (" + (dst.length - off) + " bytes missing); re-fetch it (scripts/fetch-data.sh)");
        }
    }

    private static String hintFor(int magic) {
        if (magic == LABELS_MAGIC) {
            return "; this is a label file";
        }
        if (magic == IMAGES_MAGIC) {
            return "; this is an image file";
        }
        return "";
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
