package org.initsweep.core.head;

import java.io.Serializable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output layer's activation and the loss it is trained with, passed to a network as one piece:
 * both heads here pair their activation with the cross-entropy whose gradient with respect to the
 * output pre-activations is {@code dZ = (A − T)/B} (T the targets, B the batch), so a network's
 * backward pass starts the same way for either. Labels are class indices {@code 0..K−1}.
 *
 * <p>Shapes: pre-activations and activations {@code [batch, units()]} row-major; labels
 * {@code [batch]}. Losses are means over the batch in nats; accuracy is top-1.
 */
public interface OutputHead extends Serializable {

    /**
     * The head for K classes: one sigmoid unit with binary cross-entropy for K = 2
     * ({@link SigmoidCrossEntropy}), K softmax units with cross-entropy otherwise
     * ({@link SoftmaxCrossEntropy}).
     *
     * @throws IllegalArgumentException if K &lt; 2
     */
    static OutputHead forClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        return classes == 2 ? SigmoidCrossEntropy.INSTANCE : new SoftmaxCrossEntropy(classes);
    }

    /** {@code sigmoid} or {@code softmax}, for provenance. */
    String name();

    /** Classes K ≥ 2. */
    int classes();

    /** Output units n^[L+1]: 1 for the sigmoid head, K for softmax. */
    int units();

    /** {@code a = head(z)} on {@code [batch, units()]} float32 arrays. */
    void activate(float[] z, float[] a, int batch);

    /** {@code a = head(z)} on ND4J arrays {@code [batch, units()]} of the network's type. */
    void activate(INDArray z, INDArray a);

    /** {@code dz = (a − T)/batch} in float32, T the targets of {@code y}. */
    void delta(float[] a, int[] y, float[] dz, int batch);

    /** Writes the targets of labels {@code y[0..batch)} into {@code t} {@code [batch, units()]}. */
    void targets(int[] y, INDArray t);

    /**
     * Mean cross-entropy of the outputs with pre-activations {@code z} {@code [batch, units()]} in
     * nats, in an overflow-free form.
     *
     * @return NaN if any z is NaN or infinite (an infinite output means some layer overflowed; the
     *         trainer reads a non-finite loss as divergence)
     */
    double loss(double[] z, int[] y);

    /**
     * Fraction of rows whose predicted class (top-1) is the label.
     *
     * @return NaN if any z is NaN (a diverged network predicts nothing)
     */
    double accuracy(double[] z, int[] y);

    /**
     * Population variance of ∂J/∂a over the {@code [batch, units()]} outputs, J the mean cross-entropy
     * over the batch: the output layer's {@code var_grad_a}. Positive infinity when a gradient's
     * square is beyond the double range (the output has exploded), NaN if a z is NaN.
     */
    double outputGradVariance(double[] z, int[] y);
}
