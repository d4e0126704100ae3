package org.initsweep.cli;

/**
 * What the command under way tells the error report and the Ctrl-C hook about itself, so that they can
 * say what a failure means for it.
 *
 * @param ifInterrupted the line printed on Ctrl-C or SIGTERM
 * @param ifOutOfMemory what else helps when memory runs out ("" for nothing beyond the settings)
 * @param directory     the directory the command writes, or null before it is known (or if none)
 * @param tasksHere     whether the Spark tasks run in this JVM (a local master): then any of its threads
 *                      may be the one a run's allocations leave without heap
 */
record Situation(String ifInterrupted, String ifOutOfMemory, String directory, boolean tasksHere) {

    /** Before a command has said anything, and for commands that leave nothing behind. */
    static final Situation NONE = new Situation("initsweep: interrupted.", "", null, false);

    Situation(String ifInterrupted, String ifOutOfMemory, String directory) {
        this(ifInterrupted, ifOutOfMemory, directory, false);
    }

    /** This situation, writing to {@code dir}. */
    Situation writing(String dir) {
        return new Situation(ifInterrupted, ifOutOfMemory, dir, tasksHere);
    }

    /** This situation, saying {@code line} on Ctrl-C or SIGTERM. */
    Situation interrupted(String line) {
        return new Situation(line, ifOutOfMemory, directory, tasksHere);
    }

    /** This situation, with the Spark tasks in this JVM or not. */
    Situation tasksHere(boolean here) {
        return new Situation(ifInterrupted, ifOutOfMemory, directory, here);
    }
}
