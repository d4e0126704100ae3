package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.initsweep.core.UserInputException;

/**
 * Reads images and labels in the IDX format of the MNIST files (LeCun et al., "The MNIST database of
 * handwritten digits", file formats section): a big-endian 32-bit magic number {@code 0x0000TTDD}
 * (TT the element type, 08 = unsigned byte; DD the number of dimensions), DD big-endian 32-bit sizes,
 * then the elements row-major. Images are {@code 2051} = {@code 0x00000803}, {@code [n, rows, cols]}
 * unsigned bytes; labels {@code 2049} = {@code 0x00000801}, {@code [n]} unsigned bytes. Either file may
 * be gzip-compressed (detected by its magic bytes, not its name).
 *
 * <p>Pixel values are kept as they are (0–255 as float32; {@link FeatureTransform} scales them). Labels
 * become classes in sorted order of the values that occur ({@link LabeledData#classValues()}), so
 * MNIST's digits 0–9 are classes 0–9.
 *
 * <p>Every defect is a {@link UserInputException} of one line naming the file and the byte offset
 * (in the gunzipped data for a gzip file): wrong magic number, a zero or negative size, more values than
 * one array holds, a truncated file, bytes beyond the declared data, image and label counts that differ.
 * The SHA-256 of each file covers its stored bytes.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images {@code [n, rows, cols]}. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels {@code [n]}. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int CHUNK = 1 << 16;

    private IdxReader() {
    }

    /**
     * The sizes an image file declares.
     *
     * @param count images n
     * @param rows  rows per image
     * @param cols  columns per image
     */
    public record ImagesHeader(int count, int rows, int cols) {

        /** Pixels per image: the feature count. */
        public int features() {
            return rows * cols;
        }

        /** Bytes the dataset takes in memory ({@link LabeledData#bytes(long, long)}). */
        public long dataBytes() {
            return LabeledData.bytes(count, features());
        }
    }

    /**
     * Reads only the header of an image file (for a size check before the bulk read).
     *
     * @throws UserInputException if the file is missing or its header is not that of an IDX image file
     */
    public static ImagesHeader imagesHeader(Input images) {
        try (HashedInput in = open(images)) {
            return imagesHeader(images.path(), in);
        } catch (IOException e) {
            throw DataErrors.io(images.path(), e);
        }
    }

    /**
     * Reads an image file and its label file.
     *
     * @param images IDX images, magic 2051
     * @param labels IDX labels, magic 2049, as many as images
     * @return features {@code [n, rows·cols]} (pixel values 0–255), labels, and both files' provenance
     * @throws UserInputException naming the file and byte offset of the first defect
     */
    public static ReadResult read(Input images, Input labels) {
        try (HashedInput img = open(images); HashedInput lab = open(labels)) {
            ImagesHeader h = imagesHeader(images.path(), img);
            int n = labelsHeader(labels.path(), lab);
            if (n != h.count()) {
                throw new UserInputException(String.format(Locale.ROOT, "%s: %d images, but %s holds %d labels",
                        images.path(), h.count(), labels.path(), n));
            }
            float[] x = new float[Math.toIntExact((long) h.count() * h.features())];
            readPixels(images.path(), img, x);
            expectEnd(images.path(), img, 16L + x.length, h.count() + " images");
            byte[] raw = new byte[n];
            readFully(labels.path(), lab, raw, 8, "truncated: the header declares " + (8L + n) + " bytes");
            expectEnd(labels.path(), lab, 8L + n, n + " labels");
            DataFile imagesFile = finish(images, img);
            DataFile labelsFile = finish(labels, lab);
            return new ReadResult(labelled(x, raw, h.features()), List.of(imagesFile, labelsFile));
        } catch (IOException e) {
            // close() only: read errors are reported where they happen, with their offset
            throw DataErrors.io(images.path(), e);
        }
    }

    private static LabeledData labelled(float[] x, byte[] raw, int features) {
        boolean[] seen = new boolean[256];
        for (byte b : raw) {
            seen[b & 0xFF] = true;
        }
        int[] index = new int[256];
        long[] values = new long[256];
        int k = 0;
        for (int v = 0; v < 256; v++) {
            if (seen[v]) {
                index[v] = k;
                values[k++] = v;
            }
        }
        int[] y = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            y[i] = index[raw[i] & 0xFF];
        }
        return new LabeledData(x, y, raw.length, features, java.util.Arrays.copyOf(values, k), List.of());
    }

    private static HashedInput open(Input input) {
        try {
            return HashedInput.open(input.source());
        } catch (IOException e) {
            throw DataErrors.io(input.path(), e);
        }
    }

    private static DataFile finish(Input input, HashedInput in) {
        try {
            return in.finish(input.role(), input.path());
        } catch (IOException e) {
            throw DataErrors.io(input.path(), e);
        }
    }

    private static ImagesHeader imagesHeader(String path, HashedInput in) {
        checkMagic(path, in, ints(path, in, 1, 0, 16)[0], IMAGES_MAGIC, "image", LABELS_MAGIC, "a label file");
        int[] dims = ints(path, in, 3, 4, 16);
        int[] h = {IMAGES_MAGIC, dims[0], dims[1], dims[2]};
        for (int d = 1; d <= 3; d++) {
            if (h[d] < 1) {
                throw at(path, in, 4L * d, String.format(Locale.ROOT, "the %s must be ≥ 1, got %d",
                        d == 1 ? "image count" : d == 2 ? "row count" : "column count", h[d]));
            }
        }
        long values = (long) h[1] * h[2] * h[3];
        if (values > LabeledData.MAX_VALUES) {
            throw at(path, in, 4, String.format(Locale.ROOT, "%d images of %d × %d pixels are %d values, more than"
                    + " one array holds (%d)", h[1], h[2], h[3], values, LabeledData.MAX_VALUES));
        }
        return new ImagesHeader(h[1], h[2], h[3]);
    }

    private static int labelsHeader(String path, HashedInput in) {
        checkMagic(path, in, ints(path, in, 1, 0, 8)[0], LABELS_MAGIC, "label", IMAGES_MAGIC, "an image file");
        int[] h = {LABELS_MAGIC, ints(path, in, 1, 4, 8)[0]};
        if (h[1] < 1) {
            throw at(path, in, 4, "the label count must be ≥ 1, got " + h[1]);
        }
        return h[1];
    }

    private static void checkMagic(String path, HashedInput in, int magic, int expected, String kind,
                                   int other, String otherKind) {
        if (magic == expected) {
            return;
        }
        String want = String.format(Locale.ROOT, "expected %d (0x%08x: unsigned bytes, %d dimension%s) for IDX %ss",
                expected, expected, expected & 0xFF, (expected & 0xFF) == 1 ? "" : "s", kind);
        String got;
        if (magic == other) {
            got = String.format(Locale.ROOT, "magic number %d is that of %s", magic, otherKind);
        } else if ((magic >>> 16) == 0 && isIdxType((magic >>> 8) & 0xFF)) {
            got = String.format(Locale.ROOT, "magic number %d (0x%08x) is IDX %s data in %d dimensions",
                    magic, magic, typeName((magic >>> 8) & 0xFF), magic & 0xFF);
        } else {
            got = String.format(Locale.ROOT, "not an IDX file: magic number 0x%08x", magic);
        }
        throw at(path, in, 0, got + "; " + want);
    }

    private static boolean isIdxType(int type) {
        return type == 0x08 || type == 0x09 || type == 0x0B || type == 0x0C || type == 0x0D || type == 0x0E;
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "float32";
            default -> "float64";
        };
    }

    /** {@code count} big-endian 32-bit integers at {@code offset}, the next bytes of the content. */
    private static int[] ints(String path, HashedInput in, int count, long offset, int headerBytes) {
        byte[] b = new byte[4 * count];
        readFully(path, in, b, offset, "truncated: the header of an IDX "
                + (headerBytes == 16 ? "image" : "label") + " file has " + headerBytes + " bytes");
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
            v[i] = ((b[4 * i] & 0xFF) << 24) | ((b[4 * i + 1] & 0xFF) << 16) | ((b[4 * i + 2] & 0xFF) << 8) | (b[4 * i + 3] & 0xFF);
        }
        return v;
    }

    /** Reads {@code b.length} bytes that start at {@code offset} of the content. */
    private static void readFully(String path, HashedInput in, byte[] b, long offset, String ifShort) {
        int got = 0;
        try {
            while (got < b.length) {
                int r = in.data.read(b, got, b.length - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (IOException e) {
            throw at(path, in, offset + got, DataErrors.describe(e));
        }
        if (got < b.length) {
            throw offset + got == 0 ? new UserInputException(path + ": empty file") : at(path, in, offset + got, ifShort);
        }
    }

    private static void readPixels(String path, HashedInput in, float[] x) {
        byte[] buf = new byte[CHUNK];
        int pos = 0;
        InputStream data = in.data;
        try {
            while (pos < x.length) {
                int r = data.read(buf, 0, Math.min(CHUNK, x.length - pos));
                if (r < 0) {
                    throw truncated(path, in, 16L + pos, 16L + x.length);
                }
                for (int k = 0; k < r; k++) {
                    x[pos + k] = buf[k] & 0xFF;
                }
                pos += r;
            }
        } catch (IOException e) {
            throw at(path, in, 16L + pos, DataErrors.describe(e));
        }
    }

    private static void expectEnd(String path, HashedInput in, long end, String declared) {
        int next;
        try {
            next = in.data.read();
        } catch (IOException e) {
            throw at(path, in, end, DataErrors.describe(e));
        }
        if (next >= 0) {
            throw at(path, in, end, "more bytes follow the " + declared + " its header declares");
        }
    }

    private static UserInputException truncated(String path, HashedInput in, long at, long expected) {
        return at(path, in, at, String.format(Locale.ROOT, "truncated: the header declares %d bytes", expected));
    }

    private static UserInputException at(String path, HashedInput in, long offset, String message) {
        return new UserInputException(String.format(Locale.ROOT, "%s: byte offset %d%s: %s", path, offset,
                in.offsetSuffix(), message));
    }
}
