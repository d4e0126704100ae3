/**
 * Special functions the activations, heads and init schemes share (the standard normal's density and
 * distribution function; ln(1 + x) with {@code StrictMath}'s bits, one at a time or over an array in vectors),
 * in plain Java with a fixed operation order.
 */
package org.initsweep.core.math;
