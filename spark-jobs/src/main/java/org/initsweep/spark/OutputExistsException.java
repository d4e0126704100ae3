package org.initsweep.spark;

/** The output directory cannot be written: it holds another sweep's results, or a live writer. */
public final class OutputExistsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param dir an output directory holding another sweep's results */
    public OutputExistsException(String dir) {
        super("output directory " + dir + " already holds results of another sweep; pass --overwrite or choose another --out");
    }

    /** @param message the whole message */
    OutputExistsException(String message, boolean whole) {
        super(message);
    }
}
