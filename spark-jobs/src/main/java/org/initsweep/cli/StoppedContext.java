package org.initsweep.cli;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.initsweep.spark.SparkSessions;

/**
 * Says that Spark stopped the application under a command: a standalone master that gave it up (all
 * masters unresponsive) or a kill. The command's own failure then reads as anything ("Cannot call methods
 * on a stopped SparkContext", "Job cancelled because SparkContext was shut down", "Exception thrown in
 * awaitResult", a stage aborted); none is initsweep's fault, and committed runs are kept, so the same
 * command carries on. Whether the context was stopped is asked of the context itself when the command
 * ends ({@link #end}), not read from those messages.
 */
final class StoppedContext {

    private StoppedContext() {
    }

    /**
     * Ends a command's session: notes in the command's {@link Situation} whether Spark had stopped its
     * context under the command (read by the error report if the command failed), then stops it.
     *
     * @param spark   the command's session
     * @param verbose whether Spark's own output while stopping is kept (--debug)
     */
    static void end(SparkSession spark, boolean verbose) {
        if (spark.sparkContext().isStopped()) {
            Main.during(Main.situation().contextStopped(true));
        }
        SparkSessions.stop(spark, verbose);
    }

    /**
     * @param stopped whether the failed command's context was found stopped ({@link Situation#contextStopped})
     * @return one line saying what happened and what to do, or empty when it was not stopped
     */
    static Optional<String> describe(boolean stopped) {
        return stopped ? Optional.of("Spark stopped this application before the command finished (on a cluster: its"
                + " master gave it up or it was killed; the master's log says why); committed runs are kept:"
                + " run the same command again once the cluster is up") : Optional.empty();
    }
}
