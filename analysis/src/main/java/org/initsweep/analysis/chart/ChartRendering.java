package org.initsweep.analysis.chart;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scope in which the charts a thread writes are drawn and PNG-encoded on background threads: the thread
 * goes on with its next Spark query while the last charts are drawn, and several charts are drawn at once.
 * An analysis spends most of its driver time waiting for small Spark jobs, and drawing a chart (25–50 ms of
 * one core for a 900 × 600 PNG) would otherwise wait for them too. A chart's pixels do not depend on the
 * thread that draws it: the PNGs are the bytes a synchronous write gives.
 *
 * <p>Outside a scope every {@code write} of this package draws its PNG before it returns. Inside one, the
 * PNG exists once {@link #await} has returned; the chart handed to the scope must not be changed after its
 * {@code write} (none of this package's are). At most twice as many charts as threads wait to be drawn: a
 * writer that gets ahead waits, so the drawn charts' memory stays bounded (a 900 × 600 image is 2 MiB).
 *
 * <pre>{@code
 * try (ChartRendering r = ChartRendering.open(threads)) {
 *     RegimeHeatmapChart.write(..., png);   // returns at once
 *     r.await();                            // every PNG written, or the first failure thrown
 * }
 * }</pre>
 */
public final class ChartRendering implements AutoCloseable {

    /** A chart drawing: a PNG written, or an {@link IOException}. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    private static final long FINISH_SECONDS = 10;
    private static final ThreadLocal<ChartRendering> OPEN = new ThreadLocal<>();
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    private final Semaphore queued;
    private final List<Future<?>> pending = new ArrayList<>();
    private final ChartRendering outer;
    private final Thread owner = Thread.currentThread();

    private ChartRendering(int threads) {
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "initsweep-chart-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true); // a killed analysis must not wait for its charts
            return t;
        });
        this.queued = new Semaphore(2 * threads);
        this.outer = OPEN.get();
    }

    /**
     * Opens a scope for the calling thread, which it ends with {@link #close}.
     *
     * @param threads drawing threads, at least 1
     * @throws IllegalArgumentException if {@code threads} &lt; 1
     */
    public static ChartRendering open(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ChartRendering r = new ChartRendering(threads);
        OPEN.set(r);
        return r;
    }

    /** Drawing threads for this machine: one a core, at most four (a chart is one core's work). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Draws now, or hands the drawing to the calling thread's open scope. */
    static void draw(Drawing drawing) throws IOException {
        ChartRendering scope = OPEN.get();
        if (scope == null) {
            drawing.draw();
        } else {
            scope.submit(drawing);
        }
    }

    private void submit(Drawing drawing) throws IOException {
        try {
            queued.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to draw a chart");
        }
        try {
            pending.add(pool.submit(() -> {
                try {
                    drawing.draw();
                } finally {
                    queued.release();
                }
                return null;
            }));
        } catch (RuntimeException e) {
            queued.release();
            throw e;
        }
    }

    /**
     * Waits until every chart handed to this scope has been drawn.
     *
     * @throws IOException            the first failed chart's (in the order they were written), as its
     *                                {@code write} would have thrown it; a {@link RuntimeException} or
     *                                {@link Error} of a drawing is thrown as it was thrown
     * @throws InterruptedIOException if the thread is interrupted while waiting
     */
    public void await() throws IOException {
        List<Future<?>> waiting = List.copyOf(pending);
        pending.clear();
        Throwable first = null;
        for (Future<?> f : waiting) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() == null ? e : e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the charts to be drawn");
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first != null) {
            throw ChartRendering.<RuntimeException>unchecked(first);
        }
    }

    /**
     * Ends the scope: drawings not awaited are abandoned, and a chart being drawn is given up to
     * {@value #FINISH_SECONDS} s to end, so that the folder it writes into can be removed after it.
     */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a chart scope is closed by the thread that opened it");
        }
        if (outer == null) {
            OPEN.remove();
        } else {
            OPEN.set(outer);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(FINISH_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchecked(Throwable e) throws E {
        throw (E) e;
    }
}
