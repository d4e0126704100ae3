package org.initsweep.core.optim;

import java.util.List;

/**
 * Plain stochastic gradient descent: θ ← θ − η·g (Robbins &amp; Monro 1951; {@code torch.optim.SGD}
 * with momentum 0). In float32 each entry computes {@code g' = g·η} rounded to float, stores it in the
 * gradient, then {@code θ − g'}; ND4J blocks do the same in two in-place ops.
 */
public record Sgd() implements Optimizer {

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public double[] hyperparameters() {
        return new double[0];
    }

    @Override
    public String label() {
        return "sgd";
    }

    @Override
    public Stepper start(List<ParameterBlock> blocks, double learningRate) {
        Optimizer.checkLearningRate(learningRate);
        List<ParameterBlock> bound = List.copyOf(blocks);
        float lr = (float) learningRate;
        return () -> {
            for (ParameterBlock b : bound) {
                if (b instanceof ParameterBlock.FloatArrays f) {
                    step(f.values(), f.gradient(), lr, f.length());
                } else {
                    ParameterBlock.Nd4jArrays n = (ParameterBlock.Nd4jArrays) b;
                    n.values().subi(n.gradient().muli(learningRate));
                }
            }
        };
    }

    /** {@code w −= (dw ← dw·lr)} over {@code len} entries. */
    static void step(float[] w, float[] dw, float lr, int len) {
        for (int i = 0; i < len; i++) {
            float g = dw[i] * lr;
            dw[i] = g;
            w[i] -= g;
        }
    }
}
