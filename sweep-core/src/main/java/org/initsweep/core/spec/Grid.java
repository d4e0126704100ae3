package org.initsweep.core.spec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.initsweep.core.init.InitSpec;

/**
 * The cartesian product of a sweep's axes, addressed by index so that it never has to be
 * materialized: run {@code i} is computed from {@code i} in O(number of axes).
 *
 * <p>Order (outermost first): activation, (init, multiplier), depth, width, sigma_b2, dataset,
 * seed. Fixed init schemes (zero, constant, identity_scaled) ignore m, so they contribute one
 * (init, NaN) pair instead of one per multiplier: the grid holds no duplicate computations.
 */
public final class Grid implements Iterable<RunSpec> {

    private final SweepSpec spec;
    private final List<InitSpec> pairInits = new ArrayList<>();
    private final List<Double> pairMultipliers = new ArrayList<>();
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
        long n = 1;
        for (int radix : radices()) {
            n = Math.multiplyExact(n, radix);
        }
        this.size = n;
    }

    private int[] radices() {
        return new int[] {spec.activations().size(), pairInits.size(), spec.depths().size(),
            spec.widths().size(), spec.sigmaB2().size(), spec.datasets().size(), spec.seeds().size()};
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
        int[] radix = radices();
        int[] digit = new int[radix.length];
        long rest = index;
        for (int k = radix.length - 1; k >= 0; k--) {
            digit[k] = (int) (rest % radix[k]);
            rest /= radix[k];
        }
        return new RunSpec(spec.name(), spec.depths().get(digit[2]), spec.widths().get(digit[3]),
                spec.activations().get(digit[0]), pairInits.get(digit[1]), pairMultipliers.get(digit[1]),
                spec.sigmaB2().get(digit[4]), spec.datasets().get(digit[5]), spec.seeds().get(digit[6]),
                spec.samples(), spec.epochs(), spec.learningRate(), spec.batchSize(), spec.recordEpochs(),
                spec.precision());
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
