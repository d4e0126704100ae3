package org.initsweep.core.optim;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1), arranged as {@code torch.optim.Adam} computes it: at step
 * t = 1, 2, … m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², then
 * θ ← θ − (η/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε) — the paper's θ ← θ − η·m̂/(√v̂ + ε) with the bias
 * corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) moved out of the entries. Bias corrections are
 * computed in double per step; entries in the arrays' type.
 *
 * @param beta1        β₁ ∈ [0, 1)
 * @param beta2        β₂ ∈ [0, 1)
 * @param eps          ε &gt; 0
 */
public record Adam(double beta1, double beta2, double eps) implements Optimizer {

    /** With PyTorch's defaults. */
    public static final Adam DEFAULTS = new Adam(0.9, 0.999, 1e-8);

    /** PyTorch's and Keras' defaults. */
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    /** PyTorch's default ε (Keras uses 1e-7). */
    public static final double DEFAULT_EPS = 1e-8;

    /** @throws IllegalArgumentException if a hyperparameter is out of range */
    public Adam {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("adam eps must be > 0 and finite, got " + eps);
        }
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public double defaultLearningRate() {
        return 1e-3;
    }

    @Override
    public double[] hyperparameters() {
        return new double[] {beta1, beta2, eps};
    }

    @Override
    public String label() {
        List<String> p = new ArrayList<>();
        if (beta1 != DEFAULT_BETA1) {
            p.add("beta1=" + beta1);
        }
        if (beta2 != DEFAULT_BETA2) {
            p.add("beta2=" + beta2);
        }
        if (eps != DEFAULT_EPS) {
            p.add("eps=" + eps);
        }
        return Optimizer.label(name(), p);
    }

    @Override
    public Stepper start(List<ParameterBlock> blocks, double learningRate) {
        Optimizer.checkLearningRate(learningRate);
        List<ParameterBlock> bound = List.copyOf(blocks);
        List<Object[]> moments = new ArrayList<>();
        for (ParameterBlock b : bound) {
            moments.add(new Object[] {b.zeros(), b.zeros()});
        }
        return new Stepper() {
            private long t;

            @Override
            public void step() {
                t++;
                double bc1 = 1 - Math.pow(beta1, t);
                double bc2 = 1 - Math.pow(beta2, t);
                double stepSize = learningRate / bc1;
                double sqrtBc2 = Math.sqrt(bc2);
                for (int k = 0; k < bound.size(); k++) {
                    ParameterBlock b = bound.get(k);
                    Object[] mv = moments.get(k);
                    if (b instanceof ParameterBlock.FloatArrays f) {
                        update(f.values(), f.gradient(), (float[]) mv[0], (float[]) mv[1], f.length(), (float) beta1,
                                (float) beta2, (float) (1 - beta1), (float) (1 - beta2), (float) stepSize,
                                (float) sqrtBc2, (float) eps);
                    } else {
                        ParameterBlock.Nd4jArrays n = (ParameterBlock.Nd4jArrays) b;
                        INDArray g = n.gradient();
                        INDArray m = (INDArray) mv[0];
                        INDArray v = (INDArray) mv[1];
                        m.muli(beta1).addi(g.mul(1 - beta1));
                        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
                        INDArray denom = Transforms.sqrt(v, true).divi(sqrtBc2).addi(eps);
                        n.values().subi(m.div(denom).muli(stepSize));
                    }
                }
            }
        };
    }

    static void update(float[] w, float[] g, float[] m, float[] v, int len, float beta1, float beta2, float a1, float a2,
            float stepSize, float sqrtBc2, float eps) {
        for (int i = 0; i < len; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + a1 * gi;
            float vi = beta2 * v[i] + a2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            w[i] -= stepSize * (mi / ((float) Math.sqrt(vi) / sqrtBc2 + eps));
        }
    }
}
