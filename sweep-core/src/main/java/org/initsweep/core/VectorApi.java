package org.initsweep.core;

import java.util.function.BooleanSupplier;

/** Whether code written on the JDK's Vector API ({@code jdk.incubator.vector}) may run in this JVM. */
public final class VectorApi {

    private VectorApi() {
    }

    /**
     * Whether the module is in the boot layer ({@code --add-modules jdk.incubator.vector}) and {@code check}
     * returns true. Pass a lambda that calls the vector class ({@code () -> VectorGemm.usable()}), not a method
     * reference: the class must first be touched inside this method, where a {@link LinkageError} of a JVM
     * without the module means false.
     *
     * @param check the vector code's own condition, e.g. vectors of ≥ 256 bits
     */
    public static boolean usable(BooleanSupplier check) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return check.getAsBoolean();
        } catch (LinkageError e) {
            return false;
        }
    }
}
