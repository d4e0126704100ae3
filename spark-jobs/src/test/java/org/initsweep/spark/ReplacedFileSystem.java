package org.initsweep.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local file system of a reader whose table is replaced under it, as an analysis publishes a new
 * version: at the n-th opening of one of the table's Parquet files, the table folder is deleted and a
 * prepared copy (other file names) is renamed into its place, after a pause during which no table is
 * there. The opening itself then finds its file gone. Installed as {@code fs.file.impl} (cache off).
 */
public class ReplacedFileSystem extends LocalFileSystem {

    private static final AtomicInteger OPENS = new AtomicInteger();
    private static volatile java.nio.file.Path table;
    private static volatile java.nio.file.Path replacement;
    private static volatile int replaceAt = Integer.MAX_VALUE;
    private static volatile long gapMillis;
    private static volatile boolean replaced;

    /**
     * Replaces {@code table} by {@code replacement} at the {@code n}-th opening of a file of {@code table},
     * leaving no table for {@code gapMillis} in between (on another thread, so the reader goes on).
     */
    public static void replaceAt(java.nio.file.Path table, java.nio.file.Path replacement, int n, long gapMillis) {
        ReplacedFileSystem.table = table.toAbsolutePath();
        ReplacedFileSystem.replacement = replacement;
        ReplacedFileSystem.gapMillis = gapMillis;
        replaced = false;
        OPENS.set(0);
        replaceAt = n;
    }

    /** Whether the table has been replaced since {@link #replaceAt}. */
    public static boolean replaced() {
        return replaced;
    }

    /** Stops replacing. */
    public static void off() {
        replaceAt = Integer.MAX_VALUE;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        java.nio.file.Path p = java.nio.file.Path.of(f.toUri().getPath());
        if (table != null && p.startsWith(table) && p.toString().endsWith(".parquet")
                && OPENS.incrementAndGet() == replaceAt) {
            TestFiles.deleteTree(table);
            Thread mover = new Thread(() -> {
                try {
                    Thread.sleep(gapMillis);
                    Files.move(replacement, table);
                    replaced = true;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            mover.start();
            if (gapMillis == 0) {
                try {
                    mover.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return super.open(f, bufferSize);
    }
}
