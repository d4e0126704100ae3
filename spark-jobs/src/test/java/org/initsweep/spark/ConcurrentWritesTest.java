package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link ConcurrentWrites}: the writes overlap, and a failure is thrown only once every write has ended. */
class ConcurrentWritesTest {

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
        ConcurrentWrites.run(List.of(write, write));
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
                () -> ConcurrentWrites.run(List.of(failing, slow)));
        assertSame(failure, thrown);
        assertTrue(slowEnded.get(), "returned while a write was still running");
    }

    @Test
    void anErrorKeepsItsType() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> ConcurrentWrites.run(List.of(() -> { }, () -> {
            throw oom;
        }))));
    }
}
