package org.initsweep.spark;

/**
 * Time left of a sweep, from the runs done so far. The rate is taken when the count last changed (runs
 * finish in bursts, with each Spark task) and the estimate then counts down, so that it never grows
 * while no task finishes; once it has run out before the next task finishes it is unknown.
 */
final class Eta {

    private final long left;
    private final long start;
    private long done;
    private long changed;

    /**
     * @param left     runs to compute
     * @param startNanos when computing began ({@link System#nanoTime()})
     */
    Eta(long left, long startNanos) {
        this.left = left;
        this.start = startNanos;
        this.changed = startNanos;
    }

    /** Notes that {@code done} runs are finished at {@code nowNanos} (counts never go down). */
    synchronized void observe(long done, long nowNanos) {
        if (done > this.done) {
            this.done = done;
            this.changed = nowNanos;
        }
    }

    /** Runs per second when the count last changed; 0 before any. */
    synchronized double rate() {
        return done == 0 ? 0 : done / ((changed - start) / 1e9);
    }

    /** Seconds left at {@code nowNanos}, or NaN when unknown (nothing done yet, or the estimate ran out). */
    synchronized double secondsLeft(long nowNanos) {
        if (done == 0) {
            return Double.NaN;
        }
        double s = (left - done) / rate() - (nowNanos - changed) / 1e9;
        return s >= 0 ? s : Double.NaN;
    }
}
