package org.initsweep.core.optim;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSprop (Tieleman &amp; Hinton 2012, lecture 6e; centered: Graves 2013, eq. 38–40), as
 * {@code torch.optim.RMSprop(alpha, eps, centered, momentum=0, weight_decay=0)} computes it:
 * v ← αv + (1 − α)g², and θ ← θ − η·g/(√v + ε); centered, also ḡ ← αḡ + (1 − α)g and
 * θ ← θ − η·g/(√(v − ḡ²) + ε), dividing by an estimate of g's standard deviation rather than its root mean
 * square. Keras's {@code RMSprop} is the same rule with α named {@code rho} (default 0.9, ε 1e-7).
 * Float32 entries as PyTorch 1.13's vectorized loop computes them, with fused multiply-adds and
 * {@code a = 1 − α} rounded to float once: {@code v = fma(a*g, g, alpha*v)}, {@code ḡ = fma(g, a, alpha*ḡ)},
 * {@code d = sqrt(fma(−ḡ, ḡ, v)) + eps} (ḡ = 0 when not centered), {@code θ = θ + ((−lr)*g)/d} — bit for bit
 * the same as {@code torch.optim.RMSprop} over 4,096 entries and 20 steps (PyTorch's scalar loop, which it
 * runs for a tensor's last entries short of a vector, rounds the products separately).
 *
 * @param alpha    α ∈ [0, 1), the decay of the squared gradients' running average
 * @param eps      ε &gt; 0
 * @param centered whether to divide by the centered second moment v − ḡ²
 */
public record RmsProp(double alpha, double eps, boolean centered) implements Optimizer {

    /** PyTorch's default α (Keras's rho is 0.9). */
    public static final double DEFAULT_ALPHA = 0.99;
    /** PyTorch's default ε (Keras uses 1e-7). */
    public static final double DEFAULT_EPS = 1e-8;

    /** @throws IllegalArgumentException if α ∉ [0, 1) or ε is not positive and finite */
    public RmsProp {
        if (!Hyperparameter.Range.FRACTION.accepts(alpha) || !Hyperparameter.Range.POSITIVE.accepts(eps)) {
            throw new IllegalArgumentException("rmsprop: alpha " + Hyperparameter.Range.FRACTION.requirement()
                    + " and eps " + Hyperparameter.Range.POSITIVE.requirement() + ", got " + alpha + ", " + eps);
        }
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public double defaultLearningRate() {
        return 1e-2;
    }

    @Override
    public double[] hyperparameters() {
        return new double[] {alpha, eps, centered ? 1 : 0};
    }

    @Override
    public String label() {
        List<String> p = new ArrayList<>();
        if (alpha != DEFAULT_ALPHA) {
            p.add("alpha=" + alpha);
        }
        if (eps != DEFAULT_EPS) {
            p.add("eps=" + eps);
        }
        if (centered) {
            p.add("centered");
        }
        return Optimizer.label(name(), p);
    }

    @Override
    public Stepper start(List<ParameterBlock> blocks, double learningRate) {
        Optimizer.checkLearningRate(learningRate);
        List<ParameterBlock> bound = List.copyOf(blocks);
        List<Object[]> averages = new ArrayList<>();
        for (ParameterBlock b : bound) {
            averages.add(new Object[] {b.zeros(), centered ? b.zeros() : null});
        }
        float negativeLr = (float) -learningRate;
        float af = (float) alpha;
        float a = (float) (1 - alpha);
        float ef = (float) eps;
        return () -> {
            for (int k = 0; k < bound.size(); k++) {
                ParameterBlock b = bound.get(k);
                Object[] avg = averages.get(k);
                if (b instanceof ParameterBlock.FloatArrays f) {
                    step(f.values(), f.gradient(), (float[]) avg[0], (float[]) avg[1], f.length(), negativeLr, af, a,
                            ef);
                } else {
                    ParameterBlock.Nd4jArrays n = (ParameterBlock.Nd4jArrays) b;
                    INDArray g = n.gradient();
                    INDArray v = (INDArray) avg[0];
                    v.muli(alpha).addi(g.mul(g).muli(1 - alpha));
                    INDArray second = v;
                    if (avg[1] != null) {
                        INDArray mean = (INDArray) avg[1];
                        mean.muli(alpha).addi(g.mul(1 - alpha));
                        second = v.sub(mean.mul(mean));
                    }
                    INDArray denom = Transforms.sqrt(second, true).addi(eps);
                    n.values().subi(g.div(denom).muli(learningRate));
                }
            }
        };
    }

    /** One step over {@code len} entries; {@code mean} null when not centered. */
    static void step(float[] w, float[] g, float[] v, float[] mean, int len, float negativeLr, float alpha, float a,
            float eps) {
        for (int i = 0; i < len; i++) {
            float gi = g[i];
            float vi = Math.fma(a * gi, gi, alpha * v[i]);
            v[i] = vi;
            float second = vi;
            if (mean != null) {
                float mi = Math.fma(gi, a, alpha * mean[i]);
                mean[i] = mi;
                second = Math.fma(-mi, mi, vi);
            }
            w[i] = w[i] + (negativeLr * gi) / ((float) Math.sqrt(second) + eps);
        }
    }
}
