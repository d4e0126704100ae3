/**
 * Optimizers: update rules applied to a network's {@link org.initsweep.core.optim.ParameterBlock}s
 * from their gradients, each holding its own per-parameter state for one run
 * ({@link org.initsweep.core.optim.Optimizer.Stepper}). {@link org.initsweep.core.optim.Sgd} is plain
 * SGD; {@link org.initsweep.core.optim.Momentum}, {@link org.initsweep.core.optim.Adam} and
 * {@link org.initsweep.core.optim.RmsProp} follow {@code torch.optim}'s formulas.
 * {@link org.initsweep.core.optim.Optimizers} is the table of names and hyperparameters a spec can give.
 */
package org.initsweep.core.optim;
