package org.initsweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system of a process that is killed after its n-th change (create, mkdirs, rename or
 * delete): that change and every later one fail, so nothing more reaches the disk — not even the
 * clean-up in a {@code finally} — as after a SIGKILL. Installed as {@code fs.file.impl} (with the cache
 * off) in a Spark session's Hadoop configuration; reads are never refused.
 */
public class KilledFileSystem extends LocalFileSystem {

    private static final List<Path> CHANGED = new ArrayList<>();
    private static volatile int killAt = Integer.MAX_VALUE;

    /** Counts changes from 0; the {@code n}-th and all later ones fail ({@code MAX_VALUE}: never). */
    static void killAfter(int n) {
        synchronized (CHANGED) {
            CHANGED.clear();
        }
        killAt = n;
    }

    /** Changes counted since {@link #killAfter}. */
    static int changes() {
        synchronized (CHANGED) {
            return CHANGED.size();
        }
    }

    /** The paths of the changes since {@link #killAfter}, in order (the k-th change is element k − 1). */
    static List<Path> changed() {
        synchronized (CHANGED) {
            return List.copyOf(CHANGED);
        }
    }

    private static void change(Path p) throws IOException {
        int n;
        synchronized (CHANGED) {
            CHANGED.add(p);
            n = CHANGED.size();
        }
        if (n >= killAt) {
            throw new IOException("killed (injected) before changing " + p);
        }
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        change(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean mkdirs(Path f, FsPermission permission) throws IOException {
        change(f);
        return super.mkdirs(f, permission);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        change(src);
        return super.rename(src, dst);
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        change(f);
        return super.delete(f, recursive);
    }
}
