/**
 * Training runs: data, initialization, the epoch loop with evaluation and tracing, mini-batch or
 * full-batch steps, and divergence handling ({@link org.initsweep.core.train.Trainer}, one run);
 * consecutive runs of one shape on a thread reuse one network and its buffers. Full-batch float32 runs
 * that share a shape, sizes, epochs, optimizer and learning rate train up to a vector's lanes at a time
 * ({@link org.initsweep.core.train.RunBatches} plans the batches, {@code LaneTrainer} trains one) with
 * the results {@code Trainer} gives each alone.
 */
package org.initsweep.core.train;
