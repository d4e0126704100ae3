package org.initsweep.cli;

/**
 * What a command's failure was, as the CLI reports it: one line for stderr (without the
 * {@code initsweep: } prefix) and the exit code that goes with it, decided together by whoever
 * recognised the failure, so that the line and the code cannot disagree.
 *
 * @param line     the line to print
 * @param exitCode {@link Main#BAD_INPUT} when the user's input was at fault, else {@link Main#FAILURE}
 */
record Diagnosis(String line, int exitCode) {

    /** A failure of the machine, the network or a service: exit {@link Main#FAILURE}. */
    static Diagnosis failure(String line) {
        return new Diagnosis(line, Main.FAILURE);
    }

    /** A failure the user's input caused (a file, an address): exit {@link Main#BAD_INPUT}. */
    static Diagnosis badInput(String line) {
        return new Diagnosis(line, Main.BAD_INPUT);
    }
}
