package org.initsweep.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Driver-side progress of a sweep: runs done out of the total, rate, ETA and diverged count,
 * redrawn on one line every two seconds as tasks finish (Spark accumulators arrive with each
 * finished task). Not drawn when the console is not a terminal, so logs and CI output stay clean:
 * there the job logs {@link #status()} once per committed chunk instead.
 */
final class Progress implements AutoCloseable {

    private final LongAccumulator done;
    private final LongAccumulator diverged;
    private final long total;
    private final long skipped;
    private final Eta eta;
    private final PrintStream out;
    private final Thread ticker;

    Progress(SparkContext sc, long total, long skipped, boolean interactive, PrintStream out) {
        this.done = sc.longAccumulator("initsweep runs done");
        this.diverged = sc.longAccumulator("initsweep runs diverged");
        this.total = total;
        this.skipped = skipped;
        this.eta = new Eta(total - skipped, System.nanoTime());
        this.out = out;
        if (interactive) {
            ticker = new Thread(this::tick, "initsweep-progress");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            ticker = null;
        }
    }

    /** Whether progress should be drawn: a terminal, and not switched off by INITSWEEP_PROGRESS=0. */
    static boolean interactive() {
        return System.console() != null && wanted();
    }

    /** Whether progress is wanted at all, drawn or logged: not switched off by INITSWEEP_PROGRESS=0. */
    static boolean wanted() {
        return !"0".equals(System.getenv("INITSWEEP_PROGRESS"));
    }

    LongAccumulator done() {
        return done;
    }

    LongAccumulator diverged() {
        return diverged;
    }

    /** Whether the line is drawn on the terminal (else nothing is printed but what the job logs). */
    boolean drawn() {
        return ticker != null;
    }

    /** The line as it would be drawn now. */
    String line() {
        return "initsweep: " + status();
    }

    /** Runs trained of the total, rate, ETA and diverged runs, as of now. */
    String status() {
        long d = done.value();
        long now = System.nanoTime();
        eta.observe(d, now);
        double left = eta.secondsLeft(now);
        return String.format(Locale.ROOT, "%d/%d runs trained (%.0f%%)  %.1f runs/s  ETA %s  %d diverged",
                d + skipped, total, 100.0 * (d + skipped) / Math.max(1, total), eta.rate(),
                Double.isNaN(left) ? "--:--" : clock(left), diverged.value());
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(2000);
                out.print("\r" + line() + "   ");
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            out.print("\r" + line() + "   \n");
            out.flush();
        }
    }
}
