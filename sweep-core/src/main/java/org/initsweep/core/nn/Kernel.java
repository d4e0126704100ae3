package org.initsweep.core.nn;

import java.util.List;
import org.initsweep.core.SystemProperties;

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

    /** {@link #vectorMaxParams()} without the system property, in 256-bit vectors: 128 × 128. */
    public static final int DEFAULT_VECTOR_MAX_PARAMS = 128 * 128;

    /** Chooses the kernel ({@link #fromSystemProperty()}). */
    public static final String KERNEL_PROPERTY = "initsweep.kernel";
    /** Largest layer in Java loops ({@link #javaMaxParams()}). */
    public static final String JAVA_MAX_PARAMS_PROPERTY = "initsweep.javaMaxParams";
    /** Largest layer in the Vector API kernel ({@link #vectorMaxParams()}). */
    public static final String VECTOR_MAX_PARAMS_PROPERTY = "initsweep.vectorMaxParams";
    /** Every property this package reads ({@link #checkSystemProperties()}). */
    public static final List<String> PROPERTIES = List.of(KERNEL_PROPERTY, JAVA_MAX_PARAMS_PROPERTY,
            VECTOR_MAX_PARAMS_PROPERTY, VectorGemm.BITS_PROPERTY);

    /** {@link #vectorMaxParams()} without the system property, in 512-bit vectors: 512 × 512. */
    public static final int DEFAULT_VECTOR512_MAX_PARAMS = 512 * 512;

    /**
     * The kernel named by the system property {@code initsweep.kernel}: {@code auto} (default),
     * {@code blas} or {@code nd4j}.
     *
     * @throws org.initsweep.core.UserInputException if the property names none of them
     */
    public static Kernel fromSystemProperty() {
        return switch (SystemProperties.choice(KERNEL_PROPERTY, "auto", List.of("auto", "blas", "nd4j"))) {
            case "nd4j" -> ND4J;
            case "blas" -> BLAS;
            default -> AUTO;
        };
    }

    /**
     * Largest layer (fan_in × fan_out entries of W) whose products {@link #BLAS} computes in Java
     * loops rather than sgemm: system property {@code initsweep.javaMaxParams}, default 64. Java
     * loops win only where a native call's overhead exceeds the arithmetic.
     *
     * @throws org.initsweep.core.UserInputException if the property is not an integer ≥ 0
     */
    public static int javaMaxParams() {
        return SystemProperties.intValue(JAVA_MAX_PARAMS_PROPERTY, 64, 0);
    }

    /**
     * Largest layer (fan_in × fan_out) whose products {@link #AUTO} computes with the Vector API
     * kernel: system property {@code initsweep.vectorMaxParams}; by default
     * {@link #DEFAULT_VECTOR512_MAX_PARAMS} in 512-bit vectors, {@link #DEFAULT_VECTOR_MAX_PARAMS} in
     * 256-bit ones. Whole training runs on Zen 4 (AVX-512), depth 9, against OpenBLAS's sgemm: in
     * 512-bit vectors the kernel runs at 113–115 GFLOP/s up to width 512 — width 256 14.3 against 9.7
     * runs/s, 512 3.5 against 2.7, MNIST's 784–256×5 at batch 128 0.26 against 0.36 s per epoch — and
     * ties at width 1024 (0.64 against 0.63 runs/s, 83 GFLOP/s: without packing the kernel waits for
     * memory there, so OpenBLAS keeps the wider layers) ({@code benchmarks/bench --sections dl4j,mnist},
     * docs/benchmarks.md); in 256-bit
     * vectors it is 2.2× slower than sgemm at width 256 and 1.5× slower on MNIST's layers, so AVX2
     * machines keep sgemm above 128 × 128. Either way the bits of a layer do not depend on the vector
     * width within the kernel; layers in sgemm get OpenBLAS's CPU-specific order, so an AVX2 and an
     * AVX-512 executor may differ in the last bits for layers over 128 × 128.
     */
    public static int vectorMaxParams() {
        return SystemProperties.intValue(VECTOR_MAX_PARAMS_PROPERTY,
                vectorBits() >= 512 ? DEFAULT_VECTOR512_MAX_PARAMS : DEFAULT_VECTOR_MAX_PARAMS, 0);
    }

    /**
     * Reads this package's tuning properties ({@code initsweep.kernel}, {@code javaMaxParams},
     * {@code vectorMaxParams}, {@code vectorBits}) without loading the Vector API kernel, so that a
     * driver refuses an unusable value before it starts anything.
     *
     * @throws org.initsweep.core.UserInputException naming the first property whose value cannot be used
     */
    public static void checkSystemProperties() {
        fromSystemProperty();
        javaMaxParams();
        SystemProperties.intValue(VECTOR_MAX_PARAMS_PROPERTY, 0, 0);
        vectorBitsProperty(512);
    }

    /**
     * The Vector API kernel's width from {@code initsweep.vectorBits}: 256 or 512 (on a CPU with 512-bit
     * vectors, 256 measures the AVX2 path), or {@code fallback} when unset. Read here, not in the
     * kernel's class, so that checking it loads no Vector API class.
     *
     * @throws org.initsweep.core.UserInputException if the property is neither 256 nor 512
     */
    static int vectorBitsProperty(int fallback) {
        return Integer.parseInt(SystemProperties.choice(VectorGemm.BITS_PROPERTY, String.valueOf(fallback),
                List.of("256", "512")));
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
