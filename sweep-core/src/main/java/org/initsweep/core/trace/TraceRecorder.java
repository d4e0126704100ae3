package org.initsweep.core.trace;

import java.util.List;
import org.initsweep.core.nn.Network;

/**
 * Turns the buffers of a full-training-set forward + backward pass into {@link LayerTrace}s and
 * activation histograms.
 */
public final class TraceRecorder {

    private TraceRecorder() {
    }

    /**
     * Appends one trace per layer l = 1..L+1 for {@code epoch}.
     *
     * @param net    the network, after {@code forward} and {@code backward} on {@code pass}
     * @param pass   buffers of that pass, batch = whole training set, every buffer kept
     * @param labels class indices {@code [samples]}
     * @param out    receives the traces
     */
    public static void record(int epoch, Network net, Network.Pass pass, int[] labels, List<LayerTrace> out) {
        int last = net.layers();
        double[][] scratch = new double[2][];
        for (int l = 1; l <= last; l++) {
            double[] z = pass.moments(Network.Buffer.Z, l);
            double[] a = pass.moments(Network.Buffer.A, l);
            double varGradA = l < last ? pass.moments(Network.Buffer.DA, l)[1]
                    : net.head().outputGradVariance(pass.toDoubles(Network.Buffer.Z, l), labels);
            double varGradW = net.gradientMoments(l)[1];
            double varW = net.weightMoments(l)[1];
            double[] health = health(pass, l, net.units(l), l < last ? net.activation().bounds() : new double[] {0, 1},
                    scratch);
            out.add(new LayerTrace(epoch, l, net.units(l - 1), net.units(l), z[0], z[1], a[0], a[1],
                    varGradA, varGradW, varW, health[0], health[1], health[2]));
        }
    }

    /** Margin within which an activation counts as saturated at a bound of φ. */
    public static final double SATURATION_MARGIN = 0.01;

    /**
     * Per-unit statistics of layer l (as fastai's {@code ActivationStats} and signal-propagation plots show
     * them): {mean over units of (unit's mean z)², share of dead units, share of saturated activations}.
     *
     * @param units   n^[l], the layer's width
     * @param bounds  φ's range where bounded, else null (saturation NaN)
     * @param scratch two arrays (or nulls) for z and a, reused from layer to layer: replaced by larger
     *                ones when too short
     */
    static double[] health(Network.Pass pass, int l, int units, double[] bounds, double[][] scratch) {
        double[] z = scratch[0] = pass.toDoubles(Network.Buffer.Z, l, scratch[0]);
        double[] a = scratch[1] = pass.toDoubles(Network.Buffer.A, l, scratch[1]);
        int rows = pass.batch();
        int entries = rows * units;
        long saturated = 0;
        if (bounds != null) {
            // counted without a branch: whether a tanh unit is saturated is a coin toss to the predictor
            double high = bounds[1] - SATURATION_MARGIN;
            double low = bounds[0] + SATURATION_MARGIN;
            for (int e = 0; e < entries; e++) {
                double v = a[e];
                saturated += (v > high ? 1 : 0) | (v < low ? 1 : 0);
            }
        }
        double sq = 0;
        int dead = 0;
        for (int j = 0; j < units; j++) {
            double sum = 0; // a unit's z summed over rows in order
            boolean alive = false;
            for (int e = j; e < entries; e += units) {
                sum += z[e];
                alive |= a[e] != 0;
            }
            double m = sum / rows;
            sq += m * m;
            if (!alive) {
                dead++;
            }
        }
        return new double[] {sq / units, (double) dead / units,
            bounds == null ? Double.NaN : (double) saturated / ((long) rows * units)};
    }

    /** Bins per activation histogram. */
    public static final int HISTOGRAM_BINS = 40;

    /**
     * Appends one activation histogram per layer l = 1..L+1 for {@code epoch}, on fixed edges: the
     * range of φ where it is bounded ([−1, 1] for tanh, [0, 1] for sigmoid and the output), [−3, 3]
     * otherwise; values outside go to the end bins, NaN to none.
     */
    public static void histograms(int epoch, Network net, Network.Pass pass, List<ActivationHistogram> out) {
        double[] bounds = net.activation().bounds();
        double[] values = null;
        for (int l = 1; l <= net.layers(); l++) {
            double lo;
            double hi;
            if (l == net.layers()) {
                lo = 0;
                hi = 1;
            } else if (bounds != null) {
                lo = bounds[0];
                hi = bounds[1];
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
            values = pass.toDoubles(Network.Buffer.A, l, values);
            for (int i = 0, n = pass.batch() * net.units(l); i < n; i++) {
                double v = values[i];
                if (!Double.isNaN(v)) {
                    int bin = (int) Math.floor((v - lo) * scale);
                    counts[Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin))]++;
                }
            }
            out.add(new ActivationHistogram(epoch, l, edges, counts));
        }
    }
}
