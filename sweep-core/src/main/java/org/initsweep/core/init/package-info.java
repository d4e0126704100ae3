/**
 * Weight initialization schemes, each with the variance formula it implements and its source
 * ({@link org.initsweep.core.init.InitScheme}): zero, constant, scaled normal (the multiplier axis
 * itself), LeCun normal and the article's "Xavier" (1/fan_in), Glorot normal/uniform
 * (2/(fan_in + fan_out)), He normal/uniform (2/fan_in), the article's fan-in uniform and standard
 * normal, scaled identity, orthogonal, Keras's variance scaling and PyTorch's truncated normal; and
 * the code that fills a layer's {@code [fan_in, fan_out]} weights from a per-run RNG.
 *
 * <p>"The article" here and in the schemes' Javadoc is K. Katanforoosh and D. Kunin, "Initializing
 * neural networks", deeplearning.ai AI Notes, 2019.
 */
package org.initsweep.core.init;
