package org.initsweep.cli;

/**
 * What the command under way tells the error report and the Ctrl-C hook about itself, so that they can
 * say what a failure means for it.
 *
 * @param ifInterrupted the line printed on Ctrl-C or SIGTERM
 * @param ifOutOfMemory what else helps when memory runs out ("" for nothing beyond the settings)
 * @param directory     the directory the command writes, or null before it is known (or if none)
 * @param reads         the directory the command reads (its output for run and analyze, the queried one for
 *                      sql), or null: what an unreachable file system is named by
 * @param tasksHere     whether the Spark tasks run in this JVM (a local master): then any of its threads
 *                      may be the one a run's allocations leave without heap
 * @param contextStopped whether the command's SparkContext was found stopped when the command ended (a
 *                      master that gave the application up, a kill): then whatever its failure reads, that
 *                      is the cause
 */
record Situation(String ifInterrupted, String ifOutOfMemory, String directory, String reads, boolean tasksHere,
        boolean contextStopped) {

    /** Before a command has said anything, and for commands that leave nothing behind. */
    static final Situation NONE = new Situation("initsweep: interrupted.", "", null, null, false, false);

    Situation(String ifInterrupted, String ifOutOfMemory, String directory) {
        this(ifInterrupted, ifOutOfMemory, directory, directory, false, false);
    }

    /** This situation, writing to (and reading) {@code dir}. */
    Situation writing(String dir) {
        return new Situation(ifInterrupted, ifOutOfMemory, dir, dir, tasksHere, contextStopped);
    }

    /** This situation, reading {@code dir} and writing nothing there. */
    Situation reading(String dir) {
        return new Situation(ifInterrupted, ifOutOfMemory, directory, dir, tasksHere, contextStopped);
    }

    /** This situation, saying {@code line} on Ctrl-C or SIGTERM. */
    Situation interrupted(String line) {
        return new Situation(line, ifOutOfMemory, directory, reads, tasksHere, contextStopped);
    }

    /** This situation, with the Spark tasks in this JVM or not. */
    Situation tasksHere(boolean here) {
        return new Situation(ifInterrupted, ifOutOfMemory, directory, reads, here, contextStopped);
    }

    /** This situation, with the command's SparkContext found stopped under it or not. */
    Situation contextStopped(boolean stopped) {
        return new Situation(ifInterrupted, ifOutOfMemory, directory, reads, tasksHere, stopped);
    }
}
