package org.initsweep.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The generated datasets a sweep can train on. All have binary labels in {0, 1}. */
public enum DatasetKind {
    /** Inputs N(0, I) of dimension = width, labels from a random linear teacher: the article's assumptions. */
    GAUSSIAN,
    /** Two concentric noisy circles (radii 1 and 0.5), 2-D. */
    CIRCLES,
    /** Two interleaved half-moons, 2-D. */
    MOONS,
    /** Two interleaved spirals, 2-D. */
    SPIRAL,
    /** Uniform points in [−1, 1]², label = sign(x₁·x₂), 2-D. */
    XOR,
    /** Two Gaussian blobs, 2-D. */
    BLOBS;

    /** The spec name, e.g. {@code moons}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Input dimension for a network of the given hidden width: width for gaussian, else 2. */
    public int inputDim(int width) {
        return this == GAUSSIAN ? width : 2;
    }

    /** Spec names of all datasets. */
    public static List<String> specNames() {
        return Arrays.stream(values()).map(DatasetKind::specName).toList();
    }

    /** The dataset with that spec name, if any. */
    public static Optional<DatasetKind> fromSpecName(String name) {
        return Arrays.stream(values()).filter(d -> d.specName().equals(name)).findFirst();
    }
}
