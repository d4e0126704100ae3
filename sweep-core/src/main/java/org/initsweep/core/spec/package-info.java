/**
 * Sweep specs: JSON reading and validation (every problem reported with its JSON path), the
 * immutable {@link org.initsweep.core.spec.SweepSpec} and {@link org.initsweep.core.spec.RunSpec}
 * records, stable run ids, and the lazily indexed {@link org.initsweep.core.spec.Grid}.
 */
package org.initsweep.core.spec;
