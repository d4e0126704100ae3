/**
 * Training one run: data, initialization, the epoch loop with evaluation and tracing, mini-batch
 * or full-batch SGD, and divergence handling; consecutive runs of one shape on a thread reuse one
 * network and its buffers.
 */
package org.initsweep.core.train;
