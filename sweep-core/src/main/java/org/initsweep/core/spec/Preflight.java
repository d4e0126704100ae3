package org.initsweep.core.spec;

import java.util.Locale;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.Kernel;
import org.initsweep.core.trace.DecisionBoundary;

/**
 * What a sweep will cost before it starts, computed from the axes (never by expanding the grid):
 * the number of runs, the floating-point work, and the memory of its largest run.
 *
 * <p>Work per run: 6·samples·P per epoch of training (forward 2, backward 4 multiply-adds per
 * weight and example) plus 2·samples·P per evaluation pass, P = Σ fan_in·fan_out. Memory per run:
 * weights and their gradients (2P; float32 3P, the engine also keeping Wᵀ), the full-set and
 * mini-batch buffers (z, a, ∂z, ∂a per layer), the inputs, and the decision-boundary grid when asked
 * for, at 4 or 8 bytes per value. Where it lives: float64 runs compute in ND4J's off-heap memory;
 * float32 runs keep these values in Java arrays on the heap (measured: the heap a float32 network
 * keeps is within 5% of this estimate at widths 32–256) and only their weights, biases and inputs
 * in ND4J — unless a layer has more than {@link Kernel#DEFAULT_VECTOR_MAX_PARAMS} weights: its
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


    /** Estimates a spec. */
    public static Preflight of(SweepSpec spec) {
        long pairs = 0;
        for (InitSpec init : spec.inits()) {
            pairs += init.scheme().scaledByMultiplier() ? spec.multipliers().size() : 1;
        }
        long others = spec.activations().size() * pairs * spec.sigmaB2().size() * spec.seeds().size()
                * spec.learningRates().size();
        boolean float32 = spec.precision() != Precision.FLOAT64;
        int bytes = float32 ? 4 : 8;
        int paramCopies = float32 ? 3 : 2;
        long runs = 0;
        double flops = 0;
        long maxBytes = 0;
        long maxOffHeap = 0;
        for (int[] hidden : shapes(spec)) {
            for (DatasetKind ds : spec.datasets()) {
                int d0 = ds.inputDim(hidden[0]);
                int[] units = layerUnits(d0, hidden, 1);
                double params = parameters(units);
                double perRun = flops(params, spec.samples(), spec.epochs(), spec.recordEpochs().size());
                runs += others;
                flops += others * perRun;
                long activations = 0;
                boolean sgemm = false;
                for (int l = 1; l < units.length; l++) {
                    activations += units[l];
                    sgemm |= (long) units[l - 1] * units[l] > Kernel.DEFAULT_VECTOR_MAX_PARAMS;
                }
                long buffers = 4L * spec.samples() * activations
                        + (spec.batchSize() < spec.samples() ? 4L * spec.batchSize() * activations : 0)
                        + (spec.outputs().boundaries() && d0 == 2
                                ? 4L * DecisionBoundary.STEPS * DecisionBoundary.STEPS * activations : 0);
                long inputs = (long) spec.samples() * (d0 + 1);
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
     * Floating-point work of one run, by the formula of the class comment.
     *
     * @param run any run of a grid
     * @return operations (not per second)
     */
    public static double runFlops(RunSpec run) {
        return flops(parameters(layerUnits(run.inputDim(), run.hidden(), 1)), run.samples(), run.epochs(),
                run.recordEpochs().size());
    }

    /** The hidden widths of every network shape of a spec: constant widths at each depth, then the profiles. */
    static java.util.List<int[]> shapes(SweepSpec spec) {
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

    private static double flops(double params, int samples, int epochs, int recorded) {
        return 6.0 * samples * params * epochs + 2.0 * samples * params * (epochs + 1)
                + 4.0 * samples * params * recorded;
    }

    /** One line for the console: runs, work, largest run's memory. */
    public String describe() {
        return String.format(Locale.ROOT, "%d run%s, %s of work, largest run %s of %s", runs,
                runs == 1 ? "" : "s",
                flops(flops), bytes(maxRunBytes), float32 ? "memory" : "ND4J memory");
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

    /** 12.3 MiB, … */
    public static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (b >= 1024 && i < units.length - 1) {
            b /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", b, units[i]);
    }
}
