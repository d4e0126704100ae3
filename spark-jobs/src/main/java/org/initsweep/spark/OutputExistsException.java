package org.initsweep.spark;

/** The output directory already holds results and overwriting was not asked for. */
public final class OutputExistsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param dir the output directory */
    public OutputExistsException(String dir) {
        super("output directory " + dir + " already holds sweep results; pass --overwrite or choose another --out");
    }
}
