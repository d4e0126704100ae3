/**
 * The network: a hand-written MLP (forward, binary cross-entropy, backprop, SGD) with per-batch-size
 * buffers and its float32 kernels — a register-tiled Vector API product ({@code VectorGemm}) for
 * small and medium layers, OpenBLAS sgemm called directly for wide ones, Java loops for elementwise
 * work — beside the all-ND4J path used for float64; trace moments; and ND4J thread settings for one
 * thread per Spark task.
 */
package org.initsweep.core.nn;
