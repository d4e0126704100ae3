package org.initsweep.core.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Keeps ND4J to one thread per caller. Spark runs one task per core; letting ND4J's OpenMP and
 * OpenBLAS pools also use every core oversubscribes the machine and makes reductions' summation
 * order depend on the thread count.
 */
public final class Nd4jThreads {

    private static volatile boolean done;

    private Nd4jThreads() {
    }

    /** Limits ND4J's OpenMP and BLAS pools to one thread in this JVM. Idempotent. */
    public static void limitToOne() {
        if (done) {
            return;
        }
        synchronized (Nd4jThreads.class) {
            if (!done) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(1);
                done = true;
            }
        }
    }
}
