package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer lock: never half-written, stale ones taken over, and of racing starters exactly one wins. */
class OutputLockTest {

    private static FileSystem fs() throws Exception {
        return FileSystem.getLocal(new Configuration());
    }

    private static org.apache.hadoop.fs.Path dir(Path p) {
        return new org.apache.hadoop.fs.Path(p.toUri());
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertTrue(ProcessHandle.of(pid).isEmpty() || !ProcessHandle.of(pid).get().isAlive());
        return pid;
    }

    @Test
    void anEmptyOrUnparsableLockIsTakenOver(@TempDir Path tmp) throws Exception {
        for (String junk : new String[] {"", "\0\0\0", "garbage", "host notapid 2026"}) {
            Files.writeString(tmp.resolve(OutputLock.FILE), junk);
            Files.write(tmp.resolve("." + OutputLock.FILE + ".crc"), new byte[0]); // as a kill left it
            try (OutputLock lock = OutputLock.acquire(fs(), dir(tmp))) {
                String text = Files.readString(tmp.resolve(OutputLock.FILE));
                assertTrue(text.contains(" " + ProcessHandle.current().pid() + " "), text);
            }
            assertTrue(Files.notExists(tmp.resolve(OutputLock.FILE)), "released");
        }
    }

    @Test
    void aDirectoryNamedWithNonAsciiLettersIsLocked(@TempDir Path tmp) throws Exception {
        // Path.of(URI) refuses the raw "é" of Hadoop's URI ("Bad escape")
        Path d = Files.createDirectories(tmp.resolve("résultats σ"));
        try (OutputLock lock = OutputLock.acquire(fs(), new org.apache.hadoop.fs.Path(d.toString()))) {
            assertTrue(Files.readString(d.resolve(OutputLock.FILE)).contains(" " + ProcessHandle.current().pid() + " "));
        }
        assertTrue(Files.notExists(d.resolve(OutputLock.FILE)), "released");
    }

    @Test
    void aLiveOwnerIsRefusedAndNamed(@TempDir Path tmp) throws Exception {
        try (OutputLock lock = OutputLock.acquire(fs(), dir(tmp))) {
            var e = assertThrows(OutputExistsException.class, () -> OutputLock.acquire(fs(), dir(tmp)));
            assertTrue(e.getMessage().contains("being written by another initsweep run ("
                    + InetAddress.getLocalHost().getHostName() + " " + ProcessHandle.current().pid() + " "), e.getMessage());
        }
    }

    @Test
    void ofStartersRacingForADeadOwnersLockExactlyOneWins(@TempDir Path tmp) throws Exception {
        int starters = 8;
        for (int round = 0; round < 40; round++) {
            Path d = tmp.resolve("r" + round);
            Files.createDirectories(d);
            Files.writeString(d.resolve(OutputLock.FILE), InetAddress.getLocalHost().getHostName() + " " + deadPid()
                    + " 2026-01-01T00:00:00Z x");
            CyclicBarrier go = new CyclicBarrier(starters);
            AtomicInteger won = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<OutputLock> held = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < starters; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        held.add(OutputLock.acquire(fs(), dir(d)));
                        won.incrementAndGet();
                    } catch (OutputExistsException e) {
                        refused.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), errors);
            assertEquals(1, won.get(), "round " + round + ": exactly one starter holds the lock");
            assertEquals(starters - 1, refused.get());
            for (OutputLock l : held) {
                l.close();
            }
            try (var s = Files.list(d)) {
                assertEquals(List.of(), s.toList(), "no lock, marker or temporary file left");
            }
        }
    }
}
