package org.initsweep.core.data;

import java.util.Locale;
import org.initsweep.core.Quantities;
import org.initsweep.core.UserInputException;

/**
 * How many bytes of data a reader may hold, and whose memory that is (named in the refusal).
 * Compared with {@link LabeledData#bytes()} of everything a dataset loads (train and test), estimated
 * before the bulk read and enforced again while reading tables, whose size a file length only estimates.
 *
 * @param bytes  the limit, ≥ 0
 * @param holder whose share it is, e.g. {@code "half of the driver's heap"}
 * @param raise  how to raise it, said after the refusal ({@code "; raise it with …"}), or "" for nothing
 */
public record MemoryBudget(long bytes, String holder, String raise) {

    /** A budget whose refusal says no way to raise it. */
    public MemoryBudget(long bytes, String holder) {
        this(bytes, holder, "");
    }

    /** No limit (tests, tools). */
    public static final MemoryBudget UNLIMITED = new MemoryBudget(Long.MAX_VALUE, "unlimited");

    /** @throws IllegalArgumentException if {@code bytes < 0} */
    public MemoryBudget {
        if (bytes < 0) {
            throw new IllegalArgumentException("budget must be ≥ 0, got " + bytes);
        }
    }

    /**
     * @param dataset the dataset's name
     * @param needed  bytes it needs, estimated before reading
     * @throws UserInputException if {@code needed} exceeds the budget
     */
    public void check(String dataset, long needed) {
        if (needed > bytes) {
            throw new UserInputException(String.format(Locale.ROOT, "dataset %s needs about %s in memory, more than %s of %s",
                    dataset, Quantities.bytes(needed), holder, Quantities.bytes(bytes)) + raising());
        }
    }

    /**
     * Like {@link #check}, for a reader part-way through a file: the data need at least {@code needed}.
     *
     * @throws UserInputException if {@code needed} exceeds the budget
     */
    public void checkAtLeast(String dataset, long needed) {
        if (needed > bytes) {
            throw new UserInputException(String.format(Locale.ROOT, "dataset %s needs more memory than %s of %s"
                    + " (reading stopped at %s)", dataset, holder, Quantities.bytes(bytes),
                    Quantities.bytes(needed)) + raising());
        }
    }

    private String raising() {
        return raise.isEmpty() ? "" : "; raise it with " + raise;
    }
}
