/**
 * Networks: the {@link org.initsweep.core.nn.Network} API (forward, backward, parameters for an
 * optimizer, per-batch-size {@link org.initsweep.core.nn.Network.Pass} buffers) over an
 * {@link org.initsweep.core.nn.Architecture} (per-layer widths, activation, output head), with one
 * implementation per storage: {@link org.initsweep.core.nn.FloatNetwork}, float32 values in Java
 * arrays with initsweep's own kernels (a register-tiled Vector API product, {@code VectorGemm}, with
 * fused elementwise epilogues; OpenBLAS sgemm called directly for wide layers; plain loops), each
 * layer's products a strategy of its own ({@code LayerProduct}); and
 * {@link org.initsweep.core.nn.Nd4jNetwork}, ND4J arrays for float64. For many small runs of one shape,
 * {@link org.initsweep.core.nn.LaneNetwork} trains up to a vector's lanes of them side by side (one run per
 * lane, {@code LaneGemm}'s products), each with the bits it has in a {@code FloatNetwork}. Also trace
 * moments and ND4J's thread settings for one thread per Spark task.
 */
package org.initsweep.core.nn;
