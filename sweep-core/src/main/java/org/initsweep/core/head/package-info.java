/**
 * Output heads: the output layer's activation with the loss it is trained with
 * ({@link org.initsweep.core.head.SigmoidCrossEntropy} for two classes,
 * {@link org.initsweep.core.head.SoftmaxCrossEntropy} for K &gt; 2), their losses, accuracy and the
 * output layer's gradient variance for the traces.
 */
package org.initsweep.core.head;
