package org.initsweep.core;

/**
 * Something the user gave cannot be used: a spec field, a command-line option, a data file, an output
 * directory. The command line prints its message as one line and exits with code 2; every other
 * exception is a fault of initsweep itself (exit 1, "internal error").
 *
 * <p>Messages name what was given (field, option, file, with a place where one helps: JSON path,
 * byte offset, line and column) and the value, and say what would be accepted.
 */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the input and the value */
    public UserInputException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the input and the value
     * @param cause   what the library reading the input threw
     */
    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
