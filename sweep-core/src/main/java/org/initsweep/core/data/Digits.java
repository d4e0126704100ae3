package org.initsweep.core.data;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dataset {@code digits}, shipped inside the jar so it works offline: the 8×8 "Optical
 * Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak; UCI Machine Learning Repository,
 * CC BY 4.0), 1,797 images of 64 grey levels 0–16 and their digit 0–9, as shipped by scikit-learn
 * 1.2.1 ({@code sklearn/datasets/data/digits.csv.gz}, BSD-3-Clause). The resource is that file byte
 * for byte ({@code optdigits-8x8.csv.gz} beside this class, its provenance in
 * {@code optdigits-8x8.NOTICE}).
 *
 * <p>It has no test split: callers split it with {@link Splits#stratifiedSplit}.
 */
public final class Digits {

    /** The dataset's name in specs. */
    public static final String NAME = "digits";
    /** Samples in the dataset. */
    public static final int SAMPLES = 1797;
    /** Features: 8 × 8 pixels. */
    public static final int FEATURES = 64;
    /** SHA-256 of the shipped resource (scikit-learn's {@code digits.csv.gz}). */
    public static final String SHA256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";

    static final String RESOURCE = "optdigits-8x8.csv.gz";

    private Digits() {
    }

    /** Features {@code [1797, 64]} (grey levels 0–16, row-major pixels {@code pixel_r_c}), labels 0–9. */
    public static LabeledData load() {
        return read().data();
    }

    /** {@link #load()} with the provenance of the resource (role {@code builtin}, path {@code builtin:digits}). */
    public static ReadResult read() {
        List<String> names = new ArrayList<>(FEATURES);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                names.add(String.format(Locale.ROOT, "pixel_%d_%d", r, c));
            }
        }
        Input input = new Input("builtin", "builtin:" + NAME, Digits::open);
        return CsvTableReader.readHeaderless(input, FEATURES, names, NAME);
    }

    /** Bytes the dataset takes in memory. */
    public static long bytes() {
        return LabeledData.bytes(SAMPLES, FEATURES);
    }

    private static InputStream open() {
        InputStream in = Digits.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the jar lacks its resource " + RESOURCE + " (a broken build)");
        }
        return in;
    }
}
