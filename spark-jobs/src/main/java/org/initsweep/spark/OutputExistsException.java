package org.initsweep.spark;

/**
 * The output directory cannot be written: it holds another sweep's results, or a live writer. A user
 * input error (exit 2).
 */
public final class OutputExistsException extends org.initsweep.core.UserInputException {

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
