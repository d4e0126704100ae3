package org.initsweep.core.spec;

import java.util.List;
import java.util.Locale;
import org.initsweep.core.Quantities;
import org.initsweep.core.data.DataShape;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.Kernel;
import org.initsweep.core.trace.DecisionBoundary;

/**
 * What a sweep will cost before it starts, computed from the axes (never by expanding the grid):
 * the number of runs, the floating-point work, and the memory of its largest run.
 *
 * <p>Work per run: 6·P per example trained per epoch (forward 2, backward 4 multiply-adds per weight
 * and example), 2·P per example of the training and test sets evaluated at every epoch, and 4·P per
 * traced example at recorded epochs, P = Σ fan_in·fan_out. Memory per run:
 * weights and their gradients (2P; float32 3P, the engine also keeping Wᵀ), the full-set and
 * mini-batch buffers (z, a, ∂z, ∂a per layer), the inputs, and the decision-boundary grid when asked
 * for, at 4 or 8 bytes per value. Where it lives: float64 runs compute in ND4J's off-heap memory;
 * float32 runs keep these values in Java arrays on the heap (measured: the heap a float32 network
 * keeps is within 5% of this estimate at widths 32–256) and only their weights, biases and inputs
 * in ND4J — unless a layer has more than {@link Kernel#vectorMaxParams()} weights: its
 * products run in OpenBLAS, and the weights' gradients and the buffers (z, a, ∂z, ∂a) are then held
 * in ND4J too.
 * (Without the Vector API kernel, layers above 64 weights run in OpenBLAS: the off-heap estimate
 * is then low for widths 9–256.)
 *
 * @param runs               runs in the grid
 * @param flops              total floating-point operations
 * @param maxRunBytes        memory of the largest run, bytes: float32 on the Java heap, float64 in ND4J
 * @param maxRunOffHeapBytes ND4J (off-heap) memory of the largest run, bytes
 * @param float32            whether the runs are float32
 */
public record Preflight(long runs, double flops, long maxRunBytes, long maxRunOffHeapBytes, boolean float32) {


    /**
     * Estimates a spec of generated datasets only.
     *
     * @throws IllegalArgumentException if the spec names a real dataset (whose shape needs loading)
     */
    public static Preflight of(SweepSpec spec) {
        return of(spec, (source, width) -> {
            throw new IllegalArgumentException("no shape for dataset " + source.name() + ": load it first");
        });
    }

    /** The shape of a run's data before they are prepared: for a dataset source and the first hidden width. */
    @FunctionalInterface
    public interface Shapes {
        /** @return features, examples and classes of a real dataset (generated ones are computed here) */
        DataShape of(DatasetSource source, int firstHiddenWidth);
    }

    /**
     * Estimates a spec.
     *
     * @param shapes the shapes of its real datasets, as prepared for its {@code samples} and {@code test_fraction}
     */
    public static Preflight of(SweepSpec spec, Shapes shapes) {
        long pairs = 0;
        for (InitSpec init : spec.inits()) {
            pairs += init.scheme().scaledByMultiplier() ? spec.multipliers().size() : 1;
        }
        long others = spec.activations().size() * pairs * spec.sigmaB2().size() * spec.seeds().size()
                * spec.trainingSettings();
        boolean float32 = spec.precision() != Precision.FLOAT64;
        int bytes = float32 ? 4 : 8;
        int paramCopies = float32 ? 3 : 2;
        long runs = 0;
        double flops = 0;
        long maxBytes = 0;
        long maxOffHeap = 0;
        for (int[] hidden : hiddenShapes(spec)) {
            for (DatasetSource ds : spec.datasets()) {
                DataShape shape = shape(spec, ds, hidden[0], shapes);
                int d0 = shape.features();
                int[] units = layerUnits(d0, hidden, shape.outputUnits());
                double params = parameters(units);
                int n = shape.trainSamples();
                int batch = spec.batchSize() > 0 && spec.batchSize() < n ? spec.batchSize() : n;
                double perRun = flops(params, n, shape.testSamples(), spec.epochs(), spec.recordEpochs().size(), batch);
                runs += others;
                flops += others * perRun;
                long activations = 0;
                boolean sgemm = false;
                for (int l = 1; l < units.length; l++) {
                    activations += units[l];
                    sgemm |= (long) units[l - 1] * units[l] > Kernel.vectorMaxParams();
                }
                long passRows = Math.min(n, org.initsweep.core.train.Trainer.MAX_PASS_ROWS);
                long testRows = Math.min(shape.testSamples(), org.initsweep.core.train.Trainer.MAX_PASS_ROWS);
                long buffers = 4L * passRows * activations + 4L * testRows * activations
                        + (batch < n ? 4L * batch * activations : 0)
                        + (spec.outputs().boundaries() && d0 == 2
                                ? 4L * DecisionBoundary.STEPS * DecisionBoundary.STEPS * activations : 0);
                long inputs = (long) (n + shape.testSamples()) * (d0 + 1);
                long values = paramCopies * (long) params + buffers + inputs;
                long offHeap = !float32 ? values
                        : (long) params + activations + inputs + (sgemm ? (long) params + buffers : 0);
                maxBytes = Math.max(maxBytes, values * bytes);
                maxOffHeap = Math.max(maxOffHeap, offHeap * bytes);
            }
        }
        return new Preflight(runs, flops, maxBytes, maxOffHeap, float32);
    }

    /**
     * Where {@code "boundaries": true} records nothing: per dataset of which no run has 2 features (the input
     * plane the boundary is drawn over), a line saying why; none without boundaries.
     */
    public static List<String> withoutBoundaries(SweepSpec spec, Shapes shapes) {
        List<String> lines = new java.util.ArrayList<>();
        if (!spec.outputs().boundaries()) {
            return lines;
        }
        for (DatasetSource ds : spec.datasets()) {
            DataShape any = null;
            boolean drawn = false;
            for (int[] hidden : hiddenShapes(spec)) {
                any = shape(spec, ds, hidden[0], shapes);
                drawn |= any.features() == 2;
            }
            if (!drawn && any != null) {
                lines.add("boundaries: dataset " + ds.name() + " has " + Quantities.plural(any.features(), "feature")
                        + ": decision boundaries are drawn over the plane of 2 features, so its runs record none");
            }
        }
        return lines;
    }

    /** The data shape of a dataset for a spec: generated ones from the spec, real ones from {@code shapes}. */
    static DataShape shape(SweepSpec spec, DatasetSource ds, int firstHiddenWidth, Shapes shapes) {
        if (ds instanceof DatasetSource.Generated g) {
            return generatedShape(spec, g, firstHiddenWidth);
        }
        return shapes.of(ds, firstHiddenWidth);
    }

    /**
     * A generated dataset's shape in a spec's runs: its samples, the test examples {@code test_fraction} adds
     * (round(n/(1 − f)) − n), its input width (gaussian's is the first hidden layer's) and its two classes.
     */
    public static DataShape generatedShape(SweepSpec spec, DatasetSource.Generated g, int firstHiddenWidth) {
        int n = Grid.generatedSamples(spec);
        int test = spec.testFraction() == null ? 0
                : (int) org.initsweep.core.data.Splits.generatedTestCount(n, spec.testFraction());
        return new DataShape(g.kind().inputDim(firstHiddenWidth), n, test, 2);
    }

    /**
     * Floating-point work of one run, by the formula of the class comment.
     *
     * @param run any run of a grid
     * @return operations (not per second)
     */
    public static double runFlops(RunSpec run, DataShape shape) {
        int n = shape.trainSamples();
        int batch = run.batchSize() > 0 && run.batchSize() < n ? run.batchSize() : n;
        return flops(parameters(layerUnits(shape.features(), run.hidden(), shape.outputUnits())), n, shape.testSamples(),
                run.epochs(), run.recordEpochs().size(), batch);
    }

    /** The hidden widths of every network shape of a spec: constant widths at each depth, then the profiles. */
    public static java.util.List<int[]> hiddenShapes(SweepSpec spec) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int depth : spec.depths()) {
            for (Widths w : spec.widths()) {
                if (!w.isProfile()) {
                    out.add(w.hidden(depth));
                }
            }
        }
        for (Widths w : spec.widths()) {
            if (w.isProfile()) {
                out.add(w.profile());
            }
        }
        return out;
    }

    /** n^[0..L+1]: input, hidden widths, output units. */
    static int[] layerUnits(int inputDim, int[] hidden, int outputs) {
        int[] u = new int[hidden.length + 2];
        u[0] = inputDim;
        System.arraycopy(hidden, 0, u, 1, hidden.length);
        u[u.length - 1] = outputs;
        return u;
    }

    /** Weights P = Σ_l n^[l-1]·n^[l] of layers with widths n^[0..L+1]. */
    public static long parameters(int[] units) {
        long p = 0;
        for (int l = 1; l < units.length; l++) {
            p += (long) units[l - 1] * units[l];
        }
        return p;
    }

    /**
     * Weights of a network, P = Σ fan_in·fan_out: the input layer, depth − 1 square hidden layers,
     * one output unit.
     */
    public static long parameters(int inputDim, int depth, int width) {
        return (long) inputDim * width + (long) (depth - 1) * width * width + width;
    }

    /**
     * 6·n·P per epoch of training (the last n mod batch examples skipped), 2·(n + test)·P per evaluation
     * of every epoch, 4·P per traced example at recorded epochs.
     */
    private static double flops(double params, int samples, int test, int epochs, int recorded, int batch) {
        long trained = batch > 0 ? (long) (samples / batch) * batch : 0;
        int traced = Math.min(samples, org.initsweep.core.train.Trainer.MAX_PASS_ROWS);
        return 6.0 * trained * params * epochs + 2.0 * ((double) samples + test) * params * (epochs + 1)
                + 4.0 * traced * params * recorded;
    }

    /** One line for the console: runs, work, largest run's memory. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %s of work, largest run %s of %s",
                Quantities.plural(runs, "run"), flops(flops),
                Quantities.bytes(maxRunBytes), float32 ? "memory" : "ND4J memory");
    }

    /** 1.2 GFLOP, 3.4 TFLOP, … */
    public static String flops(double f) {
        String[] units = {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP"};
        int i = 0;
        while (f >= 1000 && i < units.length - 1) {
            f /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", f, units[i]);
    }

}
