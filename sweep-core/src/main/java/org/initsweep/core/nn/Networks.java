package org.initsweep.core.nn;

/** Creates the {@link Network} implementation for a precision and kernel. */
public final class Networks {

    private Networks() {
    }

    /**
     * A network with all parameters 0 (fill them with {@link Network#initialize}).
     *
     * @param float64 float64 values (always {@link Nd4jNetwork}); else float32
     * @param kernel  float32: {@link Kernel#AUTO}/{@link Kernel#BLAS} → {@link FloatNetwork},
     *                {@link Kernel#ND4J} → {@link Nd4jNetwork}
     */
    public static Network create(Architecture arch, boolean float64, Kernel kernel) {
        if (float64) {
            return new Nd4jNetwork(arch, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        }
        return kernel == Kernel.ND4J ? new Nd4jNetwork(arch, org.nd4j.linalg.api.buffer.DataType.FLOAT)
                : new FloatNetwork(arch, kernel);
    }

    /** As {@link #create(Architecture, boolean, Kernel)} with the kernel of {@link Kernel#fromSystemProperty()}. */
    public static Network create(Architecture arch, boolean float64) {
        return create(arch, float64, Kernel.fromSystemProperty());
    }
}
