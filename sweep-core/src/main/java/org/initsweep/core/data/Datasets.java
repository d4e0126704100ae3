package org.initsweep.core.data;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.initsweep.core.init.Gaussian;

/**
 * Seeded generators for the datasets of {@link DatasetKind}. Pure Java on a {@link SplittableRandom}
 * (whose stream the JDK specifies), with initsweep's own {@link Gaussian} and {@link StrictMath}'s
 * sine and cosine rather than the JDK's {@code nextGaussian} and {@code Math}'s intrinsics (either may
 * differ between JDK versions or CPUs): the same (kind, samples, width, seed) gives bit-identical data
 * on every JVM, machine and executor.
 *
 * <p>The 2-D sets follow scikit-learn's {@code make_circles(factor=0.5, noise=0.1)} and
 * {@code make_moons(noise=0.1)} shapes; labels are balanced (alternating classes).
 */
public final class Datasets {

    private static final double NOISE = 0.1;

    private Datasets() {
    }

    /**
     * Generates and normalizes a dataset.
     *
     * @param kind    generator
     * @param samples number of examples, ≥ 2
     * @param width   hidden width of the network (the input dimension of {@code gaussian})
     * @param seed    data seed; all runs with the same seed see the same data
     * @return inputs {@code [samples, kind.inputDim(width)]} normalized per feature, labels in {0,1}
     * @throws IllegalArgumentException if {@code samples < 2} or {@code width < 1}
     */
    public static Dataset generate(DatasetKind kind, int samples, int width, long seed) {
        float[] y = new float[samples];
        double[] x = draw(kind, samples, width, seed, y);
        int dim = kind.inputDim(width);
        return new Dataset(kind, normalize(x, samples, dim), y, samples, dim);
    }

    /**
     * The same examples as {@link #generate} before normalization, as labelled data (classes 0 and 1),
     * for a caller that scales features with statistics of a training split only.
     */
    public static LabeledData generateRaw(DatasetKind kind, int samples, int width, long seed) {
        float[] y = new float[samples];
        double[] x = draw(kind, samples, width, seed, y);
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        int[] yi = new int[samples];
        for (int i = 0; i < samples; i++) {
            yi[i] = (int) y[i];
        }
        return new LabeledData(xf, yi, samples, kind.inputDim(width), new long[] {0, 1}, java.util.List.of());
    }

    /** Draws the examples: inputs returned, labels into {@code y}. */
    private static double[] draw(DatasetKind kind, int samples, int width, long seed, float[] y) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be ≥ 2, got " + samples);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be ≥ 1, got " + width);
        }
        int dim = kind.inputDim(width);
        double[] x = new double[samples * dim];
        SplittableRandom rng = new SplittableRandom(mix(seed, kind.specName()));
        switch (kind) {
            case GAUSSIAN -> gaussianTeacher(rng, x, y, samples, dim);
            default -> {
                for (int i = 0; i < samples; i++) {
                    int label = i & 1;
                    y[i] = label;
                    double[] p = point2d(kind, rng, label, i, samples);
                    x[2 * i] = p[0];
                    x[2 * i + 1] = p[1];
                }
            }
        }
        return x;
    }

    private static void gaussianTeacher(SplittableRandom rng, double[] x, float[] y, int samples, int dim) {
        double[] teacher = new double[dim];
        for (int j = 0; j < dim; j++) {
            teacher[j] = Gaussian.next(rng);
        }
        for (int i = 0; i < samples; i++) {
            double dot = 0;
            for (int j = 0; j < dim; j++) {
                double v = Gaussian.next(rng);
                x[i * dim + j] = v;
                dot += v * teacher[j];
            }
            y[i] = dot > 0 ? 1f : 0f;
        }
    }

    private static double[] point2d(DatasetKind kind, SplittableRandom rng, int label, int i, int samples) {
        switch (kind) {
            case CIRCLES -> {
                double t = 2 * Math.PI * rng.nextDouble();
                double r = label == 0 ? 1.0 : 0.5;
                return new double[] {r * StrictMath.cos(t) + NOISE * Gaussian.next(rng),
                        r * StrictMath.sin(t) + NOISE * Gaussian.next(rng)};
            }
            case MOONS -> {
                double t = Math.PI * rng.nextDouble();
                double px = label == 0 ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
                double py = label == 0 ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
                return new double[] {px + NOISE * Gaussian.next(rng), py + NOISE * Gaussian.next(rng)};
            }
            case SPIRAL -> {
                double t = 0.25 + 3.0 * rng.nextDouble();
                double angle = 2 * Math.PI * t / 2.0 + label * Math.PI;
                double r = t;
                return new double[] {r * StrictMath.cos(angle) + NOISE * Gaussian.next(rng),
                        r * StrictMath.sin(angle) + NOISE * Gaussian.next(rng)};
            }
            case XOR -> {
                // Draw a point in the quadrants of this label: sign(x1·x2) > 0 ⇔ label 1.
                double a = rng.nextDouble(0.05, 1.0);
                double b = rng.nextDouble(0.05, 1.0);
                boolean flip = rng.nextBoolean();
                double sx = flip ? -1 : 1;
                double sy = label == 1 ? sx : -sx;
                return new double[] {sx * a, sy * b};
            }
            case BLOBS -> {
                double cx = label == 0 ? -1.5 : 1.5;
                double cy = label == 0 ? -0.5 : 0.5;
                return new double[] {cx + Gaussian.next(rng), cy + Gaussian.next(rng)};
            }
            default -> throw new IllegalStateException("not a 2-D dataset: " + kind);
        }
    }

    /** Per-feature standardization to zero mean and unit population variance (constant features left at 0). */
    static float[] normalize(double[] x, int samples, int dim) {
        float[] out = new float[x.length];
        for (int j = 0; j < dim; j++) {
            double sum = 0;
            for (int i = 0; i < samples; i++) {
                sum += x[i * dim + j];
            }
            double mean = sum / samples;
            double ss = 0;
            for (int i = 0; i < samples; i++) {
                double d = x[i * dim + j] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / samples);
            double scale = sd > 0 ? 1 / sd : 0;
            for (int i = 0; i < samples; i++) {
                out[i * dim + j] = (float) ((x[i * dim + j] - mean) * scale);
            }
        }
        return out;
    }

    /** A 64-bit seed from (seed, name): different datasets with one seed get unrelated streams. */
    static long mix(long seed, String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        return h ^ (h >>> 31);
    }
}
