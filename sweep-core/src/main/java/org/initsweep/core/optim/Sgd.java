package org.initsweep.core.optim;

import java.util.List;

/**
 * Plain stochastic gradient descent: θ ← θ − η·g (Robbins &amp; Monro 1951; {@code torch.optim.SGD}
 * with momentum 0). In float32 each entry computes {@code g' = g·η} rounded to float, stores it in the
 * gradient, then {@code θ − g'}; ND4J blocks do the same in two in-place ops.
 *
 * @param learningRate η &gt; 0
 */
public record Sgd(double learningRate) implements Optimizer {

    /** @throws IllegalArgumentException if η is not positive and finite */
    public Sgd {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0 and finite, got " + learningRate);
        }
    }

    @Override
    public String label() {
        return "sgd";
    }

    @Override
    public Stepper start(List<ParameterBlock> blocks) {
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
