package org.initsweep.core;

/**
 * One line out of a library's exception message, for the one-line messages the command line prints.
 * Libraries (Spark, Hadoop, Jackson, the JDK) write multi-line messages, with plans, stack excerpts or
 * file dumps after the first line; the first line is the reason.
 */
public final class MessageLines {

    private MessageLines() {
    }

    /**
     * @param text a message, possibly {@code null}, blank or spanning lines
     * @return its first non-blank line without surrounding white space; {@code ""} for {@code null} or a
     *         blank text
     */
    public static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }

    /**
     * @param e any throwable
     * @return the first line of its message, or its class's simple name when it has no message
     */
    public static String reason(Throwable e) {
        String line = firstLine(e.getMessage());
        return line.isEmpty() ? e.getClass().getSimpleName() : line;
    }

    /**
     * The first line of the innermost message in the cause chain: wrappers such as Spark's "Job aborted
     * due to stage failure: …" or "Exception thrown in awaitResult:" only carry the reader's reason
     * further in, e.g. "… is not a Parquet file".
     *
     * @param e any throwable
     * @return the innermost non-empty first line, or {@code e}'s simple class name when no message has one
     */
    public static String innermost(Throwable e) {
        String line = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String first = firstLine(t.getMessage());
            if (!first.isEmpty()) {
                line = first;
            }
        }
        return line;
    }
}
