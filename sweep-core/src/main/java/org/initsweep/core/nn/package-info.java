/**
 * The network: a hand-written MLP (forward, binary cross-entropy, backprop, SGD) on in-place ND4J
 * ops with per-batch-size buffers, and ND4J thread settings for one thread per Spark task.
 */
package org.initsweep.core.nn;
