package org.initsweep.core.nn;

import java.util.Locale;

/**
 * How a network computes. The float32 engine ({@link FloatNetwork}) exists for float32 only; float64
 * networks (theory checks) always run through ND4J ({@link Nd4jNetwork}).
 */
public enum Kernel {
    /**
     * float32: elementwise work and the optimizer in plain Java loops; the matrix products of layers
     * up to {@link #vectorMaxParams()} weights in the Vector API kernel, wider ones in OpenBLAS's
     * sgemm; as {@link #BLAS} where the Vector API is unavailable. float64: as {@link #ND4J}. The
     * default; system property {@code initsweep.kernel} ({@code blas}, {@code nd4j}) selects another.
     */
    AUTO,
    /**
     * float32 as {@link #AUTO} but without the Vector API: products of layers up to
     * {@link #javaMaxParams()} weights in Java loops, wider ones in sgemm. What {@link #AUTO} falls
     * back to where {@code jdk.incubator.vector} is not loaded or vectors are narrower than 256 bits.
     */
    BLAS,
    /** Every operation as an in-place ND4J op, in float32 and float64 alike. */
    ND4J;

    /** {@link #vectorMaxParams()} without the system property: 128 × 128. */
    public static final int DEFAULT_VECTOR_MAX_PARAMS = 128 * 128;

    /**
     * The kernel named by the system property {@code initsweep.kernel}: {@code auto} (default),
     * {@code blas} or {@code nd4j}.
     */
    public static Kernel fromSystemProperty() {
        String v = System.getProperty("initsweep.kernel", "auto");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "nd4j" -> ND4J;
            case "blas" -> BLAS;
            default -> AUTO;
        };
    }

    /**
     * Largest layer (fan_in × fan_out entries of W) whose products {@link #BLAS} computes in Java
     * loops rather than sgemm: system property {@code initsweep.javaMaxParams}, default 64. Java
     * loops win only where a native call's overhead exceeds the arithmetic.
     */
    public static int javaMaxParams() {
        return Integer.getInteger("initsweep.javaMaxParams", 64);
    }

    /**
     * Largest layer (fan_in × fan_out) whose products {@link #AUTO} computes with the Vector API
     * kernel: system property {@code initsweep.vectorMaxParams}, default 16,384 (128 × 128). Beyond it
     * OpenBLAS's cache-blocked sgemm is faster or close (whole training runs on Zen 4, depth 9: with
     * 512-bit vectors and batch 256 the kernel is 27% faster than sgemm at width 128, 9% at 256, 13%
     * slower at 512; with 256-bit vectors it is 2.2× slower at width 256, batch 256, and 1.5× slower
     * on MNIST's 256-wide layers at batch 128 — {@code benchmarks/bench --sections dl4j,mnist}). One
     * bound for every vector width keeps a layer in the one kernel whose bits do not depend on the
     * machine, so AVX2 and AVX-512 executors of one sweep agree.
     */
    public static int vectorMaxParams() {
        return Integer.getInteger("initsweep.vectorMaxParams", DEFAULT_VECTOR_MAX_PARAMS);
    }

    /**
     * Whether {@link #AUTO} can use the Vector API kernel in this JVM (the {@code jdk.incubator.vector}
     * module is loaded and the CPU has ≥ 256-bit vectors).
     */
    public static boolean vectorAvailable() {
        return FloatKernels.VECTOR_GEMM;
    }

    /** Vector width in bits of the Vector API kernel (512 or 256), or 0 where it cannot run. */
    public static int vectorBits() {
        return FloatKernels.VECTOR_GEMM ? VectorGemm.vectorBits() : 0;
    }
}
