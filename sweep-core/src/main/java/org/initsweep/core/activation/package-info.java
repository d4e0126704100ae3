/**
 * Activation functions φ and their derivatives as pure scalar functions, with the small-signal
 * gain that sets the critical weight variance (He et al. 2015).
 */
package org.initsweep.core.activation;
