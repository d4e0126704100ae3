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
            double[] z = moments(pass.z(l));
            double[] a = moments(pass.a(l));
            double varGradA = l < last ? moments(pass.da(l))[1] : outputGradVariance(pass.z(l), y);
            double varGradW = moments(pass.dw(l))[1];
            double varW = moments(net.weight(l))[1];
            out.add(new LayerTrace(epoch, l, net.units(l - 1), net.units(l), z[0], z[1], a[0], a[1],
                    varGradA, varGradW, varW));
        }
    }

    /** {mean, population variance} of all entries, accumulated in double. */
    public static double[] moments(INDArray x) {
        double mean = x.meanNumber().doubleValue();
        double var = x.var(false).getDouble(0);
        return new double[] {mean, var};
    }

    /**
     * Var(∂J/∂a^[L+1]) for the sigmoid output with J = (1/B)·Σ BCE: ∂J/∂a = (a − y)/(a(1 − a)B),
     * written via z so saturation cannot divide by zero: −(1 + e^{−z})/B for y = 1 and
     * (1 + e^{z})/B for y = 0.
     */
    static double outputGradVariance(INDArray zOut, double[] y) {
        double[] z = zOut.toDoubleVector();
        int n = z.length;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = (y[i] > 0.5 ? -(1 + Math.exp(-z[i])) : 1 + Math.exp(z[i])) / n;
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }
}
