package org.initsweep.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a chunk's table writes (one Spark job each) at the same time from driver threads, and returns when
 * all have ended. Each write job is short and much of it is the driver's own latency (planning, task
 * launch, the output committer), so overlapping them saves that latency and, with several cores, lets the
 * small jobs' tasks share the cores instead of queueing behind one another.
 *
 * <p>The threads inherit the calling thread's Spark local properties (job group, description). A failed
 * write does not stop the others; after all have ended, the first failure is thrown as it was thrown
 * (nothing has been committed: the chunk's staged files are removed by the next run).
 */
final class ConcurrentWrites {

    private ConcurrentWrites() {
    }

    /**
     * @throws RuntimeException or {@link Error}: the first write's failure, as thrown
     */
    static void run(List<Runnable> writes) {
        if (writes.size() == 1) {
            writes.get(0).run();
            return;
        }
        Throwable[] failure = new Throwable[writes.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            int k = i;
            Thread t = new Thread(() -> {
                try {
                    writes.get(k).run();
                } catch (Throwable e) {
                    failure[k] = e;
                }
            }, "initsweep-write-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the writes end when their jobs end (SparkContext.stop cancels them)
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable e : failure) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }
}
