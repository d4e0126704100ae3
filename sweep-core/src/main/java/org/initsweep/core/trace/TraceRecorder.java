package org.initsweep.core.trace;

import java.util.List;
import org.initsweep.core.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns the buffers of a full-training-set forward + backward pass into {@link LayerTrace}s.
 */
public final class TraceRecorder {

    private TraceRecorder() {
    }

    /**
     * Appends one trace per layer l = 1..L+1 for {@code epoch}.
     *
     * @param net    the network, after {@code forward} and {@code backward} on {@code pass}
     * @param pass   buffers of that pass, batch = whole training set
     * @param y      labels {@code [samples]} as doubles
     * @param out    receives the traces
     */
    public static void record(int epoch, Mlp net, Mlp.Pass pass, double[] y, List<LayerTrace> out) {
        int last = net.layers();
        for (int l = 1; l <= last; l++) {
            double[] z = pass.moments(Mlp.Buffer.Z, l);
            double[] a = pass.moments(Mlp.Buffer.A, l);
            double varGradA = l < last ? pass.moments(Mlp.Buffer.DA, l)[1] : outputGradVariance(pass.toDoubles(Mlp.Buffer.Z, l), y);
            double varGradW = pass.moments(Mlp.Buffer.DW, l)[1];
            double varW = net.weightMoments(l)[1];
            out.add(new LayerTrace(epoch, l, net.units(l - 1), net.units(l), z[0], z[1], a[0], a[1],
                    varGradA, varGradW, varW));
        }
    }

    /** Bins per activation histogram. */
    public static final int HISTOGRAM_BINS = 40;

    /**
     * Appends one activation histogram per layer l = 1..L+1 for {@code epoch}, on the fixed edges
     * of {@link ActivationHistogram}.
     */
    public static void histograms(int epoch, Mlp net, Mlp.Pass pass, List<ActivationHistogram> out) {
        for (int l = 1; l <= net.layers(); l++) {
            double lo;
            double hi;
            if (l == net.layers() || net.activation().kind() == org.initsweep.core.activation.Activation.Kind.SIGMOID) {
                lo = 0;
                hi = 1;
            } else if (net.activation().kind() == org.initsweep.core.activation.Activation.Kind.TANH) {
                lo = -1;
                hi = 1;
            } else {
                lo = -3;
                hi = 3;
            }
            double[] edges = new double[HISTOGRAM_BINS + 1];
            for (int i = 0; i <= HISTOGRAM_BINS; i++) {
                edges[i] = lo + (hi - lo) * i / HISTOGRAM_BINS;
            }
            long[] counts = new long[HISTOGRAM_BINS];
            double scale = HISTOGRAM_BINS / (hi - lo);
            INDArray a = pass.a(l);
            for (double v : a.reshape(a.length()).toDoubleVector()) {
                if (!Double.isNaN(v)) {
                    int bin = (int) Math.floor((v - lo) * scale);
                    counts[Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin))]++;
                }
            }
            out.add(new ActivationHistogram(epoch, l, edges, counts));
        }
    }

    /** {mean, population variance} of all entries, accumulated in double. */
    public static double[] moments(INDArray x) {
        return org.initsweep.core.nn.FastMoments.of(x);
    }

    /**
     * Var(∂J/∂a^[L+1]) for the sigmoid output with J = (1/B)·Σ BCE: ∂J/∂a = (a − y)/(a(1 − a)B),
     * written via z so saturation cannot divide by zero: −(1 + e^{−z})/B for y = 1 and
     * (1 + e^{z})/B for y = 0. Positive infinity when a gradient's square is beyond the double range
     * (|z| ≳ 355 + ln B on the wrong side): the output has exploded, and a NaN would hide it; NaN if
     * a z is.
     */
    static double outputGradVariance(double[] z, double[] y) {
        int n = z.length;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = (y[i] > 0.5 ? -(1 + Math.exp(-z[i])) : 1 + Math.exp(z[i])) / n;
            sum += g;
            sumSq += g * g;
        }
        if (sumSq == Double.POSITIVE_INFINITY) {
            return sumSq; // Inf − Inf in the formula below would give NaN (a NaN z still does)
        }
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }
}
