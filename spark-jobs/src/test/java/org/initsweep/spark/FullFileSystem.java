package org.initsweep.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system of a device that fills up after {@code capacity} bytes written: every later
 * write fails as Hadoop's local file system fails on ENOSPC, with an {@link FSError} around
 * {@code IOException("No space left on device")}. Installed as {@code fs.file.impl} (cache off).
 */
public class FullFileSystem extends LocalFileSystem {

    private static final AtomicLong WRITTEN = new AtomicLong();
    private static volatile long capacity = Long.MAX_VALUE;

    /** Empties the device and sets its capacity ({@code MAX_VALUE}: never full). */
    public static void capacity(long bytes) {
        WRITTEN.set(0);
        capacity = bytes;
    }

    /** Bytes written since {@link #capacity}. */
    public static long written() {
        return WRITTEN.get();
    }

    private static FSError full() {
        try {
            var c = FSError.class.getDeclaredConstructor(Throwable.class); // package-private in Hadoop
            c.setAccessible(true);
            return c.newInstance(new IOException("No space left on device"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        FSDataOutputStream inner = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        return new FSDataOutputStream(new FilterOutputStream(inner) {
            @Override
            public void write(int b) throws IOException {
                take(1);
                inner.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                take(len);
                inner.write(b, off, len);
            }
        }, null);
    }

    private static void take(long n) {
        if (WRITTEN.addAndGet(n) > capacity) {
            throw full();
        }
    }
}
