/**
 * What a run produces: per-layer statistics at recorded epochs ({@link org.initsweep.core.trace.LayerTrace}),
 * cost and accuracy per epoch, and the run's outcome, as immutable records.
 */
package org.initsweep.core.trace;
