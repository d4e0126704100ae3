package org.initsweep.cli;

import java.util.Optional;

/**
 * Says that Spark stopped the application under a command: a standalone master that gave it up (all
 * masters unresponsive) or a kill. Spark's own failure is "Cannot call methods on a stopped SparkContext",
 * which is not initsweep's fault, and committed runs are kept, so the same command carries on.
 */
final class StoppedContext {

    private StoppedContext() {
    }

    /** A command's failure while its SparkContext was stopped under it (not by an interrupt of this JVM). */
    static final class Failure extends RuntimeException {
        Failure(Throwable cause) {
            super("the application's SparkContext stopped: " + cause.getMessage(), cause);
        }
    }

    /** @return one line saying what happened and what to do, or empty when the failure is something else */
    static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Failure
                    || t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("stopped SparkContext")
                    // a job that was running when it stopped
                    || String.valueOf(t.getMessage()).contains("because SparkContext was shut down")) {
                return Optional.of("Spark stopped this application before the command finished (on a cluster: its"
                        + " master gave it up or it was killed; the master's log says why); committed runs are kept:"
                        + " run the same command again once the cluster is up");
            }
        }
        return Optional.empty();
    }
}
