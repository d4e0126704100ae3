/**
 * Weight initialization schemes (zero, constant, LeCun/Xavier normal, Glorot normal/uniform,
 * He normal/uniform, fan-in uniform, standard normal, scaled identity, orthogonal), each with the
 * variance formula it implements, and the code that fills ND4J weight matrices from a per-run RNG.
 */
package org.initsweep.core.init;
