package org.initsweep.spark;

/**
 * The output directory cannot be written: it holds another sweep's results, or a live writer. A user
 * input error (exit 2).
 */
public final class OutputExistsException extends org.initsweep.core.UserInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param dir         an output directory holding another sweep's results
     * @param differences the spec fields in which that sweep differs (none named when empty)
     */
    public OutputExistsException(String dir, java.util.List<String> differences) {
        super("output directory " + dir + " already holds results of another sweep"
                + (differences.isEmpty() ? "" : " (its spec differs in " + String.join(", ", differences) + ")")
                + "; pass --overwrite or choose another --out");
    }

    /** @param message the whole message */
    OutputExistsException(String message, boolean whole) {
        super(message);
    }
}
