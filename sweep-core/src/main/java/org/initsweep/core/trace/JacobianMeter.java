package org.initsweep.core.trace;

import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.nn.Network;
import org.initsweep.core.theory.linalg.ExtremeSingularValues;
import org.initsweep.core.theory.linalg.LinearOperator;
import org.initsweep.core.theory.linalg.SingularValues;

/**
 * Measures {@link JacobianStats} of a network at one input: J = D_L·W_Lᵀ···D_1·W_1ᵀ with
 * D_l = diag(φ'(z^[l])) at that input and W_l of shape {@code [fan_in, fan_out]} (so z = a·W). Networks
 * whose layers are all at most {@value #EXACT_MAX} wide get J formed in double and every singular value
 * by one-sided Jacobi; wider ones get tr(JJᵀ) and tr((JJᵀ)²) from {@value #PROBES} Rademacher probes
 * (Hutchinson 1989: E‖Jᵀv‖² = tr(JJᵀ), E‖JJᵀv‖² = tr((JJᵀ)²)) and the extreme singular values by
 * Lanczos iteration ({@link ExtremeSingularValues}). All in double, from the float32 values of the pass.
 */
public final class JacobianMeter {

    /** Widest layer whose network gets an exact spectrum. */
    public static final int EXACT_MAX = 128;
    /** Random probes of the trace estimates. */
    public static final int PROBES = 32;
    /** Inputs averaged over (the first ones of the pass). */
    public static final int INPUTS = 4;

    private JacobianMeter() {
    }

    /**
     * The spectrum averaged over the first {@link #INPUTS} rows of a pass after a forward pass that kept
     * every Z.
     */
    public static JacobianStats measure(int epoch, Network net, Network.Pass pass) {
        int inputs = Math.min(INPUTS, pass.batch());
        int depth = net.depth();
        double[][] w = new double[depth + 1][];
        double[][] z = new double[depth + 1][];
        int widest = net.units(0);
        for (int l = 1; l <= depth; l++) {
            w[l] = net.weights(l);
            z[l] = pass.toDoubles(Network.Buffer.Z, l);
            widest = Math.max(widest, net.units(l));
        }
        boolean exact = widest <= EXACT_MAX;
        double mean = 0;
        double var = 0;
        double relative = 0;
        double max = 0;
        double min = 0;
        for (int i = 0; i < inputs; i++) {
            Chain j = new Chain(net, w, z, i);
            double[] s = exact ? exactMoments(j) : probedMoments(j, i);
            mean += s[0];
            var += s[1];
            relative += s[0] >= JacobianStats.MIN_MEAN && s[0] <= JacobianStats.MAX_MEAN ? s[1] / s[0] / s[0]
                    : Double.NaN;
            max += s[2];
            min += s[3];
        }
        return new JacobianStats(epoch, inputs, mean / inputs, var / inputs, relative / inputs, max / inputs,
                min / inputs, exact);
    }

    /** {mean λ, var λ, max σ, min σ} from every singular value of the formed J. */
    static double[] exactMoments(Chain j) {
        int rows = j.rows();
        int cols = j.cols();
        double[][] m = new double[rows][cols];
        double[] e = new double[cols];
        double[] col = new double[rows];
        for (int c = 0; c < cols; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            j.apply(e, col);
            for (int r = 0; r < rows; r++) {
                m[r][c] = col[r];
            }
        }
        double[] sv = SingularValues.of(m);
        double s1 = 0;
        double s2 = 0;
        for (double s : sv) {
            double lambda = s * s;
            s1 += lambda;
            s2 += lambda * lambda;
        }
        double mean = s1 / rows;
        return new double[] {mean, s2 / rows - mean * mean, sv[0], sv[sv.length - 1]};
    }

    /** {mean λ, var λ, max σ, min σ} from probes and Lanczos. */
    static double[] probedMoments(Chain j, long seed) {
        int rows = j.rows();
        SplittableRandom r = new SplittableRandom(0x5EEDL + seed);
        double[] v = new double[rows];
        double[] jtv = new double[j.cols()];
        double[] jjtv = new double[rows];
        double t1 = 0;
        double t2 = 0;
        for (int p = 0; p < PROBES; p++) {
            for (int k = 0; k < rows; k++) {
                v[k] = r.nextBoolean() ? 1 : -1;
            }
            j.applyTransposed(v, jtv);
            j.apply(jtv, jjtv);
            t1 += dot(jtv, jtv);
            t2 += dot(jjtv, jjtv);
        }
        double mean = t1 / PROBES / rows;
        double var = t2 / PROBES / rows - mean * mean;
        ExtremeSingularValues.Extremes x = ExtremeSingularValues.of(j, 80, 1e-3, seed);
        return new double[] {mean, Math.max(0, var), x.largest(), x.smallest()};
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** J at one input as an operator {@code [n^[L], n^[0]]}. */
    static final class Chain implements LinearOperator {
        private final Network net;
        private final double[][] w;
        private final double[][] dphi;
        private final double[][] buf;

        Chain(Network net, double[][] w, double[][] z, int row) {
            this.net = net;
            this.w = w;
            int depth = net.depth();
            Activation phi = net.activation();
            this.dphi = new double[depth + 1][];
            this.buf = new double[depth + 1][];
            for (int l = 1; l <= depth; l++) {
                int n = net.units(l);
                dphi[l] = new double[n];
                for (int k = 0; k < n; k++) {
                    dphi[l][k] = phi.derivative(z[l][row * n + k]);
                }
                buf[l] = new double[n];
            }
        }

        @Override
        public int rows() {
            return net.units(net.depth());
        }

        @Override
        public int cols() {
            return net.units(0);
        }

        @Override
        public void apply(double[] x, double[] y) {
            double[] in = x;
            int depth = net.depth();
            for (int l = 1; l <= depth; l++) {
                int k = net.units(l - 1);
                int n = net.units(l);
                double[] out = l == depth ? y : buf[l];
                // out = D_l·(W_lᵀ·in): out_j = φ'(z_j)·Σ_q W[q, j]·in_q
                java.util.Arrays.fill(out, 0, n, 0);
                for (int q = 0; q < k; q++) {
                    double v = in[q];
                    int o = q * n;
                    for (int jj = 0; jj < n; jj++) {
                        out[jj] += w[l][o + jj] * v;
                    }
                }
                for (int jj = 0; jj < n; jj++) {
                    out[jj] *= dphi[l][jj];
                }
                in = out;
            }
        }

        @Override
        public void applyTransposed(double[] x, double[] y) {
            int depth = net.depth();
            double[] g = buf[depth];
            System.arraycopy(x, 0, g, 0, x.length);
            for (int l = depth; l >= 1; l--) {
                int k = net.units(l - 1);
                int n = net.units(l);
                // back through D_l, then W_l: out_q = Σ_j W[q, j]·φ'(z_j)·g_j
                double[] out = l == 1 ? y : buf[l - 1];
                for (int jj = 0; jj < n; jj++) {
                    g[jj] *= dphi[l][jj];
                }
                for (int q = 0; q < k; q++) {
                    double s = 0;
                    int o = q * n;
                    for (int jj = 0; jj < n; jj++) {
                        s += w[l][o + jj] * g[jj];
                    }
                    out[q] = s;
                }
                g = out;
            }
        }
    }
}
