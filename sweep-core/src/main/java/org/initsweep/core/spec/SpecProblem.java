package org.initsweep.core.spec;

/**
 * One thing wrong with a spec.
 *
 * @param path    JSON path of the offending field, e.g. {@code inits[2].alpha}; empty for the whole document
 * @param message what is wrong, naming the value
 */
public record SpecProblem(String path, String message) {

    /** One line: {@code path: message}. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
