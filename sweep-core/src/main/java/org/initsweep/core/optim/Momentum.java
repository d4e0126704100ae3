package org.initsweep.core.optim;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with momentum, as {@code torch.optim.SGD(momentum=β, dampening=0, nesterov=…)} states it:
 * v ← β·v + g (v = g at the first step, since v starts at 0), then θ ← θ − η·v (heavy ball; Polyak
 * 1964) or, with Nesterov, θ ← θ − η·(g + β·v) (Sutskever et al. 2013, eq. 3–4 in PyTorch's
 * reformulation). Float32 entries: {@code v = beta*v + g}, {@code d = nesterov ? g + beta*v : v},
 * {@code θ -= lr*d}, each rounded to float.
 *
 * @param beta         β ∈ [0, 1)
 * @param nesterov     Nesterov's look-ahead form
 */
public record Momentum(double beta, boolean nesterov) implements Optimizer {

    /** Default β (PyTorch has none; 0.9 is the usual choice). */
    public static final double DEFAULT_BETA = 0.9;

    /** @throws IllegalArgumentException if β ∉ [0, 1) */
    public Momentum {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum beta must be in [0, 1), got " + beta);
        }
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public double[] hyperparameters() {
        return new double[] {beta, nesterov ? 1 : 0};
    }

    @Override
    public String label() {
        return "momentum(beta=" + beta + (nesterov ? ",nesterov" : "") + ")";
    }

    @Override
    public Stepper start(List<ParameterBlock> blocks, double learningRate) {
        Optimizer.checkLearningRate(learningRate);
        List<ParameterBlock> bound = List.copyOf(blocks);
        List<Object> velocity = new ArrayList<>();
        for (ParameterBlock b : bound) {
            velocity.add(b.zeros());
        }
        float lr = (float) learningRate;
        float bf = (float) beta;
        return () -> {
            for (int k = 0; k < bound.size(); k++) {
                ParameterBlock b = bound.get(k);
                if (b instanceof ParameterBlock.FloatArrays f) {
                    step(f.values(), f.gradient(), (float[]) velocity.get(k), f.length(), lr, bf, nesterov);
                } else {
                    ParameterBlock.Nd4jArrays n = (ParameterBlock.Nd4jArrays) b;
                    INDArray v = (INDArray) velocity.get(k);
                    v.muli(beta).addi(n.gradient());
                    INDArray d = nesterov ? n.gradient().addi(v.mul(beta)) : v;
                    n.values().subi(d.mul(learningRate));
                }
            }
        };
    }

    static void step(float[] w, float[] g, float[] v, int len, float lr, float beta, boolean nesterov) {
        for (int i = 0; i < len; i++) {
            float vi = beta * v[i] + g[i];
            v[i] = vi;
            float d = nesterov ? g[i] + beta * vi : vi;
            w[i] -= lr * d;
        }
    }
}
