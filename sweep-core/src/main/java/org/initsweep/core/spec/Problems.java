package org.initsweep.core.spec;

/** Collects the problems of a spec while it is read, each with its JSON path (see {@link SpecProblem}). */
@FunctionalInterface
public interface Problems {

    /**
     * @param path    JSON path, e.g. {@code inits[2].alpha}; empty for the whole document
     * @param message what is wrong, naming the value
     */
    void add(String path, String message);
}
