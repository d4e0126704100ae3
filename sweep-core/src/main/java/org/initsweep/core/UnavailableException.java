package org.initsweep.core;

/**
 * Something outside initsweep and outside the user's input failed: the network, or every mirror of a
 * download. The command line prints its message as one line and exits with code 1 (not 2: the same
 * command may succeed later, unchanged), without the "internal error" of a fault of initsweep.
 *
 * <p>Messages name what was tried (address, file) and what the user can do instead.
 */
public class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming what was tried and why it failed */
    public UnavailableException(String message) {
        super(message);
    }
}
