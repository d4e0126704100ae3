package org.initsweep.core.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.Optimizers;

/**
 * One point of a sweep's grid: everything needed to train and trace one network.
 *
 * @param sweep        name of the sweep it belongs to (not part of the id)
 * @param depth        hidden layers L ≥ 1; the network has L + 1 weight layers (output included)
 * @param widths       hidden widths: a constant n ≥ 1, or a profile of L widths
 * @param activation   hidden activation φ
 * @param init         weight init
 * @param multiplier   m = fan_in·Var(W); {@code NaN} for fixed schemes (zero, constant, identity_scaled)
 * @param sigmaB2      bias variance σ_b² ≥ 0
 * @param dataset      where the data come from
 * @param seed         seed
 * @param samples      training examples; 0 = all of a real dataset's training split
 * @param epochs       epochs
 * @param learningRate the optimizer's learning rate η
 * @param batchSize    mini-batch size; 0 = the whole training set
 * @param recordEpochs epochs with layer traces
 * @param precision    float32 or float64
 * @param optimizer    the update rule ({@link Optimizers#DEFAULT}, SGD, unless the spec names another)
 * @param testFraction share held out for testing where the dataset has no test split, or null for none
 * @param preprocessing how features are scaled
 */
public record RunSpec(
        String sweep,
        int depth,
        Widths widths,
        Activation activation,
        InitSpec init,
        double multiplier,
        double sigmaB2,
        DatasetSource dataset,
        long seed,
        int samples,
        int epochs,
        double learningRate,
        int batchSize,
        List<Integer> recordEpochs,
        Precision precision,
        Optimizer optimizer,
        Double testFraction,
        Preprocessing preprocessing) implements java.io.Serializable {

    /** @throws IllegalArgumentException if a profile's length is not the depth */
    public RunSpec {
        recordEpochs = List.copyOf(recordEpochs);
        if (widths.isProfile() && widths.profile().length != depth) {
            throw new IllegalArgumentException("a width profile of " + widths.profile().length + " layers at depth " + depth);
        }
    }

    /** A run of constant width trained by SGD. */
    public RunSpec(String sweep, int depth, int width, Activation activation, InitSpec init, double multiplier,
            double sigmaB2, DatasetKind dataset, long seed, int samples, int epochs, double learningRate, int batchSize,
            List<Integer> recordEpochs, Precision precision) {
        this(sweep, depth, Widths.of(width), activation, init, multiplier, sigmaB2, new DatasetSource.Generated(dataset),
                seed, samples, epochs, learningRate, batchSize, recordEpochs, precision, Optimizers.DEFAULT, null,
                Preprocessing.STANDARDIZE);
    }

    /** A run on generated data, standardized, without a test split. */
    public RunSpec(String sweep, int depth, Widths widths, Activation activation, InitSpec init, double multiplier,
            double sigmaB2, DatasetKind dataset, long seed, int samples, int epochs, double learningRate, int batchSize,
            List<Integer> recordEpochs, Precision precision, Optimizer optimizer) {
        this(sweep, depth, widths, activation, init, multiplier, sigmaB2, new DatasetSource.Generated(dataset), seed,
                samples, epochs, learningRate, batchSize, recordEpochs, precision, optimizer, null,
                Preprocessing.STANDARDIZE);
    }

    /** The same run in another precision (its id changes with it). */
    public RunSpec withPrecision(Precision other) {
        return new RunSpec(sweep, depth, widths, activation, init, multiplier, sigmaB2, dataset, seed, samples, epochs,
                learningRate, batchSize, recordEpochs, other, optimizer, testFraction, preprocessing);
    }

    /** The same run in another sweep (its id does not change: the sweep is not part of it). */
    public RunSpec inSweep(String other) {
        return new RunSpec(other, depth, widths, activation, init, multiplier, sigmaB2, dataset, seed, samples, epochs,
                learningRate, batchSize, recordEpochs, precision, optimizer, testFraction, preprocessing);
    }

    /** The same run with another seed. */
    public RunSpec withSeed(long other) {
        return new RunSpec(sweep, depth, widths, activation, init, multiplier, sigmaB2, dataset, other, samples, epochs,
                learningRate, batchSize, recordEpochs, precision, optimizer, testFraction, preprocessing);
    }

    /** The generator of a generated dataset, or empty for real data. */
    public java.util.Optional<DatasetKind> generated() {
        return dataset instanceof DatasetSource.Generated g ? java.util.Optional.of(g.kind()) : java.util.Optional.empty();
    }

    /** The first hidden width n^[1] (the width of a constant-width network). */
    public int width() {
        return widths.first();
    }

    /** The hidden widths n^[1..L]. */
    public int[] hidden() {
        return widths.hidden(depth);
    }

    /** Whether m applies to this run (false for the fixed init schemes). */
    public boolean hasMultiplier() {
        return !Double.isNaN(multiplier);
    }


    /**
     * Canonical text of every parameter that affects the run's values. Two runs with equal keys are
     * the same computation; the sweep name is left out on purpose. Parts added after version 0.2 appear
     * only where they differ from what runs computed before (SGD), so earlier runs keep their ids.
     */
    public String canonicalKey() {
        return "v1|depth=" + Axes.DEPTH.keyText(depth) + "|width=" + Axes.WIDTH.keyText(widths)
                + "|activation=" + Axes.ACTIVATION.keyText(activation) + "|init=" + Axes.INIT.keyText(init)
                + "|multiplier=" + Axes.MULTIPLIER.keyText(multiplier) + "|sigma_b2=" + Axes.SIGMA_B2.keyText(sigmaB2)
                + "|dataset=" + Axes.DATASET.keyText(dataset) + "|seed=" + Axes.SEED.keyText(seed)
                + "|samples=" + samples + "|epochs=" + epochs
                + "|learning_rate=" + Axes.LEARNING_RATE.keyText(learningRate) + "|batch_size=" + batchSize
                + "|record_epochs=" + recordEpochs + "|precision=" + precision.specName()
                + (optimizer.equals(Optimizers.DEFAULT) ? "" : "|optimizer=" + Axes.OPTIMIZER.keyText(optimizer))
                + (testFraction == null ? "" : "|test_fraction=" + testFraction)
                + (preprocessing == Preprocessing.STANDARDIZE ? "" : "|preprocessing=" + preprocessing.specName());
    }

    /** Stable run id: the first 16 hex digits of SHA-256 of {@link #canonicalKey()}. */
    public String runId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalKey().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The 64-bit seed of this run's weight RNG, from its {@link #seed()} alone (mixed, so the stream
     * differs from the data's): runs that differ only in multiplier, init scheme of one family,
     * learning rate, batch size, epochs, recorded epochs or precision start from the same draws, so
     * they compare paired — e.g. m = 4 gives exactly twice the weights of m = 1, and a float64 run
     * starts from the float32 run's weights.
     */
    public long weightSeed() {
        long h = (seed + 0x632BE59BD9B4E019L) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
