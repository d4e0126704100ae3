/**
 * Special functions the activations and init schemes share (the standard normal's density and
 * distribution function), in plain Java with a fixed operation order.
 */
package org.initsweep.core.math;
