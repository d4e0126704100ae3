/**
 * Training one run: data, initialization, the epoch loop with evaluation and tracing, mini-batch
 * or full-batch SGD, and divergence handling.
 */
package org.initsweep.core.train;
