package org.initsweep.core.spec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Optimizer;

/**
 * The cartesian product of a sweep's axes, addressed by index so that it never has to be
 * materialized: run {@code i} is computed from {@code i} in O(number of axes).
 *
 * <p>Order (outermost first): activation, (init, multiplier), (depth, widths), sigma_b2, dataset,
 * seed, (optimizer, learning rate). Three pairs are enumerated jointly: fixed init schemes (zero, constant,
 * identity_scaled) ignore m, so they contribute one (init, NaN) pair instead of one per multiplier;
 * a width profile sets its own depth, so it contributes one (length, profile) pair after the
 * (depth, width) pairs of the constant widths; and an optimizer contributes one pair per learning rate
 * of its own, or of the spec's when it gives none ({@link SweepSpec#learningRates(Optimizer)}), so a
 * spec whose optimizers give none has the order, and its runs the indices, of the plain product. The
 * grid holds no duplicate computations.
 */
public final class Grid implements Iterable<RunSpec> {

    /** Training examples of a generated dataset when the spec gives no {@code samples}. */
    public static final int DEFAULT_GENERATED_SAMPLES = 256;

    /** Training examples of each generated dataset of {@code spec}: its {@code samples}, else the default. */
    public static int generatedSamples(SweepSpec spec) {
        return spec.samples() > 0 ? spec.samples() : DEFAULT_GENERATED_SAMPLES;
    }

    private final SweepSpec spec;
    private final List<InitSpec> pairInits = new ArrayList<>();
    private final List<Double> pairMultipliers = new ArrayList<>();
    private final List<Integer> shapeDepths = new ArrayList<>();
    private final List<Widths> shapeWidths = new ArrayList<>();
    private final List<Optimizer> settingOptimizers = new ArrayList<>();
    private final List<Double> settingLearningRates = new ArrayList<>();
    private final int[] radix;
    private final long size;

    /**
     * @param spec a validated spec
     * @throws ArithmeticException if the grid has more than {@code Long.MAX_VALUE} runs
     */
    public Grid(SweepSpec spec) {
        this.spec = spec;
        for (InitSpec init : spec.inits()) {
            if (init.scheme().scaledByMultiplier()) {
                for (double m : spec.multipliers()) {
                    pairInits.add(init);
                    pairMultipliers.add(m);
                }
            } else {
                pairInits.add(init);
                pairMultipliers.add(Double.NaN);
            }
        }
        for (int depth : spec.depths()) {
            for (Widths w : spec.widths()) {
                if (!w.isProfile()) {
                    shapeDepths.add(depth);
                    shapeWidths.add(w);
                }
            }
        }
        for (Widths w : spec.widths()) {
            if (w.isProfile()) {
                shapeDepths.add(w.profile().length);
                shapeWidths.add(w);
            }
        }
        for (Optimizer o : spec.optimizers()) {
            for (double lr : spec.learningRates(o)) {
                settingOptimizers.add(o);
                settingLearningRates.add(lr);
            }
        }
        radix = new int[] {spec.activations().size(), pairInits.size(), shapeDepths.size(), spec.sigmaB2().size(),
            spec.datasets().size(), spec.seeds().size(), settingOptimizers.size()};
        long n = 1;
        for (int r : radix) {
            n = Math.multiplyExact(n, r);
        }
        this.size = n;
    }

    /** Number of runs. */
    public long size() {
        return size;
    }

    /** The spec this grid expands. */
    public SweepSpec spec() {
        return spec;
    }

    /**
     * Run number {@code index} in the grid's deterministic order.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in [0, size)
     */
    public RunSpec run(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("run index " + index + " not in [0, " + size + ")");
        }
        int[] digit = new int[radix.length];
        long rest = index;
        for (int k = radix.length - 1; k >= 0; k--) {
            digit[k] = (int) (rest % radix[k]);
            rest /= radix[k];
        }
        Activation activation = spec.activations().get(digit[0]);
        DatasetSource dataset = spec.datasets().get(digit[4]);
        boolean generated = dataset instanceof DatasetSource.Generated;
        int samples = generated ? generatedSamples(spec) : spec.samples();
        int batch = spec.batchSize() > 0 ? spec.batchSize() : samples;
        return new RunSpec(spec.name(), shapeDepths.get(digit[2]), shapeWidths.get(digit[2]), activation,
                pairInits.get(digit[1]), pairMultipliers.get(digit[1]), spec.sigmaB2().get(digit[3]), dataset,
                spec.seeds().get(digit[5]), samples, spec.epochs(), settingLearningRates.get(digit[6]), batch,
                spec.recordEpochs(), spec.precision(), settingOptimizers.get(digit[6]),
                spec.testFraction(), spec.preprocessing());
    }

    /** Iterates the runs in index order, lazily. */
    @Override
    public Iterator<RunSpec> iterator() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public RunSpec next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return run(next++);
            }
        };
    }
}
