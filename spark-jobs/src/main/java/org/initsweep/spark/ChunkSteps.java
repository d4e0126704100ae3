package org.initsweep.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a chunk's steps — waiting for its training job, and its table writes (one Spark job each) — at
 * the same time from driver threads, and returns when all have ended. Each write job is short and much
 * of it is the driver's own latency (planning, task launch, the output committer), so overlapping them
 * saves that latency and, with several cores, lets the small jobs' tasks share the cores instead of
 * queueing behind one another.
 *
 * <p>The threads inherit the calling thread's Spark local properties (job tags, description). The first
 * step to fail calls {@code onFailure} once (the caller cancels the chunk's other jobs there: a write
 * job would otherwise train a failed task's runs again); after all steps have ended, that first failure
 * is thrown as it was thrown — not a later one, which may be only a cancellation's consequence. Nothing
 * has been committed then: the chunk's staged files are removed by the next run.
 */
final class ChunkSteps {

    /** How often a wait for the steps checks whether the rest may be abandoned, in milliseconds. */
    private static final long ABANDON_CHECK_MS = 500;

    private ChunkSteps() {
    }

    /**
     * @throws RuntimeException or {@link Error}: the first step's failure in time, as thrown (a checked
     *                          exception, as Spark's Java API throws them, unchanged too)
     */
    static void run(List<Runnable> steps, Runnable onFailure) {
        run(steps, onFailure, () -> false);
    }

    /**
     * As {@link #run(List, Runnable)}, but once a step has failed and {@code abandoned} says so (the
     * SparkContext stopped under the chunk: a master gave the application up, a kill), the first failure
     * is thrown without waiting for the other steps: a job submitted while Spark stopped may never end,
     * and its (daemon) thread would hold the command forever.
     */
    static void run(List<Runnable> steps, Runnable onFailure, java.util.function.BooleanSupplier abandoned) {
        AtomicReference<Throwable> first = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Runnable step = steps.get(i);
            Thread t = new Thread(() -> {
                try {
                    step.run();
                } catch (Throwable e) {
                    if (first.compareAndSet(null, e)) {
                        onFailure.run();
                    }
                }
            }, "initsweep-chunk-step-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        boolean interrupted = false;
        waiting:
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join(ABANDON_CHECK_MS);
                } catch (InterruptedException e) {
                    interrupted = true; // the steps end when their jobs end (SparkContext.stop cancels them)
                }
                if (first.get() != null && abandoned.getAsBoolean()) {
                    break waiting;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first.get() != null) {
            throw ChunkSteps.<RuntimeException>unchecked(first.get());
        }
    }

    /**
     * The value of a Spark job submitted asynchronously; its failure is thrown as the synchronous
     * action would have thrown it.
     */
    static <T> T await(Future<T> job) {
        try {
            return job.get();
        } catch (ExecutionException e) {
            throw ChunkSteps.<RuntimeException>unchecked(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            throw new IllegalStateException("interrupted while waiting for a Spark job", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchecked(Throwable e) throws E {
        throw (E) e;
    }
}
