package org.initsweep.core.optim;

import java.io.Serializable;
import java.util.List;

/**
 * An update rule for a network's parameters, given their gradients of the batch-mean loss (models:
 * Tribuo's {@code StochasticGradientOptimiser}; the update formulas as PyTorch's {@code torch.optim}
 * states them). {@link #start} binds it to the parameter blocks of one run and holds whatever
 * per-parameter state the rule keeps (velocities, moment estimates), zero at the start; a new run
 * starts a new {@link Stepper}.
 *
 * <p>Arithmetic on {@link ParameterBlock.FloatArrays} is plain float32 Java with a fixed operation
 * order per entry, so float32 results are bit-identical on every machine; ND4J blocks use ND4J's
 * elementwise ops in the arrays' own type.
 */
public interface Optimizer extends Serializable {

    /**
     * The spec name, under which {@link Optimizers} registers it: {@code sgd}, {@code momentum}, {@code adam},
     * {@code rmsprop}.
     */
    String name();

    /**
     * The values of its hyperparameters, in the order of its {@link Optimizers.Entry#parameters()}
     * (flags as 0 or 1), such that the entry's {@code create} of them gives an equal optimizer.
     */
    double[] hyperparameters();

    /**
     * The name with non-default hyperparameters, as result tables carry it: {@code sgd},
     * {@code momentum(beta=0.9,nesterov)}, {@code adam}. The learning rate is not part of the rule.
     */
    String label();

    /**
     * The learning rate a spec that gives none trains it at: PyTorch's default where PyTorch has one
     * ({@code torch.optim.Adam} 1e-3, {@code torch.optim.RMSprop} 1e-2); 0.1 for SGD and momentum, which have none
     * there.
     */
    default double defaultLearningRate() {
        return 0.1;
    }

    /**
     * Binds the rule to these blocks (their order and sizes fixed from now on) with fresh state.
     *
     * @param blocks       the parameters and their gradient arrays
     * @param learningRate η &gt; 0 of every step (a grid axis of its own)
     * @throws IllegalArgumentException if η is not positive and finite
     */
    Stepper start(List<ParameterBlock> blocks, double learningRate);

    /**
     * A {@link #label()}: the name alone, or followed by its non-default hyperparameters in parentheses.
     *
     * @param nonDefault {@code beta2=0.99}, {@code centered}, … in the rule's order
     */
    static String label(String name, List<String> nonDefault) {
        return nonDefault.isEmpty() ? name : name + "(" + String.join(",", nonDefault) + ")";
    }

    /** @throws IllegalArgumentException if η is not positive and finite */
    static void checkLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0 and finite, got " + learningRate);
        }
    }

    /** The rule bound to one run's parameters. */
    interface Stepper {
        /** Applies one update to every block from its current gradient (gradients may be overwritten). */
        void step();
    }
}
