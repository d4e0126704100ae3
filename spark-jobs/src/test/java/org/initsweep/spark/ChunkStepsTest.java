package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkSteps}: the steps overlap; the first failure cancels the others and is thrown once
 * every step has ended.
 */
class ChunkStepsTest {

    @Test
    void writesRunAtTheSameTime() {
        CountDownLatch both = new CountDownLatch(2);
        AtomicBoolean met = new AtomicBoolean(true);
        Runnable write = () -> {
            both.countDown();
            try {
                // In sequence the first would wait here for a second that never starts.
                met.compareAndSet(true, both.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        ChunkSteps.run(List.of(write, write), () -> { });
        assertTrue(met.get(), "the two writes did not overlap");
    }

    @Test
    void theFirstFailureIsThrownAfterEveryWriteEnded() {
        IllegalStateException failure = new IllegalStateException("disk full");
        AtomicBoolean slowEnded = new AtomicBoolean();
        Runnable failing = () -> {
            throw failure;
        };
        Runnable slow = () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            slowEnded.set(true);
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ChunkSteps.run(List.of(failing, slow), () -> { }));
        assertSame(failure, thrown);
        assertTrue(slowEnded.get(), "returned while a write was still running");
    }

    @Test
    void anErrorKeepsItsType() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> ChunkSteps.run(List.of(() -> { }, () -> {
            throw oom;
        }), () -> { })));
    }

    @Test
    void theFirstFailureCancelsTheOthersAndIsThrownNotTheirs() {
        IllegalStateException training = new IllegalStateException("task failed: NaN check");
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger cancels = new AtomicInteger();
        Runnable write = () -> {
            try {
                // A write job that only ends when cancelled, as Spark's does after cancelJobsWithTag.
                if (!cancelled.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("never cancelled");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("Job 7 cancelled");
        };
        Runnable failing = () -> {
            throw training;
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ChunkSteps.run(List.of(write, failing, write), () -> {
                    cancels.incrementAndGet();
                    cancelled.countDown();
                }));
        assertSame(training, thrown, "a cancellation's consequence was thrown instead of the cause");
        assertEquals(1, cancels.get(), "cancelled once");
    }

    @Test
    void nothingIsCancelledWhenAllSucceed() {
        AtomicInteger cancels = new AtomicInteger();
        ChunkSteps.run(List.of(() -> { }, () -> { }), cancels::incrementAndGet);
        assertEquals(0, cancels.get());
    }

    @Test
    void anAsynchronousJobsFailureIsThrownAsTheSynchronousActionWould() {
        IOException cause = new IOException("No space left on device");
        assertSame(cause, assertThrows(IOException.class,
                () -> ChunkSteps.await(CompletableFuture.failedFuture(cause))));
        assertEquals(List.of(1L), ChunkSteps.await(CompletableFuture.completedFuture(List.of(1L))));
    }

    @Test
    void aStoppedContextDoesNotWaitForAJobThatNeverEnds() {
        // A master gave the application up while a chunk's jobs were being submitted: one step fails on the
        // stopped context, another's job was posted to a stopped scheduler and never ends.
        IllegalStateException failure = new IllegalStateException("Cannot call methods on a stopped SparkContext.");
        CountDownLatch never = new CountDownLatch(1);
        Runnable failing = () -> {
            throw failure;
        };
        Runnable stuck = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(() -> {
            try {
                ChunkSteps.run(List.of(stuck, failing), () -> { }, () -> true);
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        try {
            assertSame(failure, thrown.get(30, TimeUnit.SECONDS), "the first failure, once the context is stopped");
        } catch (Exception e) {
            throw new AssertionError("still waiting for a step whose job never ends", e);
        } finally {
            never.countDown();
        }
    }
}
