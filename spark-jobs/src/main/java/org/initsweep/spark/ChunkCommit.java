package org.initsweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.initsweep.core.trace.Tables;

/**
 * Makes a chunk of runs visible all at once. A chunk's tables are written by Spark under
 * {@code .staging/<chunk>/}, then each Parquet file is renamed into its table with the chunk id as
 * a prefix — the other tables first, {@code runs/} (one file per chunk) last. A run counts as done
 * exactly when its {@code runs/} row exists; a chunk interrupted between renames leaves files in
 * the other tables that no {@code runs/} file vouches for, and {@link #removeOrphans} deletes them
 * before a resumed sweep recomputes those runs. So no run is ever counted twice or half.
 */
final class ChunkCommit {

    static final String STAGING = ".staging";
    /** Tables committed before {@code runs/}. */
    static final List<String> DEPENDENT = List.of(Tables.LAYERS, Tables.EPOCHS, Tables.HISTOGRAMS, Tables.BOUNDARIES,
            Tables.JACOBIAN);

    private ChunkCommit() {
    }

    /** Moves the staged tables of chunk {@code id} into {@code out}, runs last, then drops the staging folder. */
    static void commit(FileSystem fs, Path out, String id) throws IOException {
        Path staged = fs.makeQualified(new Path(new Path(out, STAGING), id));
        List<String> order = new ArrayList<>(DEPENDENT);
        order.add(Tables.RUNS);
        for (String table : order) {
            Path from = new Path(staged, table);
            if (!fs.exists(from)) {
                continue;
            }
            for (Path file : parquetFiles(fs, from)) {
                String rel = from.toUri().relativize(file.getParent().toUri()).getPath();
                Path dir = rel.isEmpty() ? new Path(out, table) : new Path(new Path(out, table), rel);
                fs.mkdirs(dir);
                Path to = new Path(dir, id + "-" + file.getName());
                if (!fs.rename(file, to)) {
                    throw new IOException("could not move " + file + " to " + to);
                }
            }
        }
        fs.delete(staged, true);
    }

    /** Deletes staged leftovers and dependent-table files of chunks that never reached {@code runs/}. */
    static int removeOrphans(FileSystem fs, Path out) throws IOException {
        fs.delete(new Path(out, STAGING), true);
        Set<String> committed = new HashSet<>();
        Path runs = new Path(out, Tables.RUNS);
        if (fs.exists(runs)) {
            for (Path f : parquetFiles(fs, runs)) {
                committed.add(chunkOf(f));
            }
        }
        int removed = 0;
        for (String table : DEPENDENT) {
            Path dir = new Path(out, table);
            if (!fs.exists(dir)) {
                continue;
            }
            for (Path f : parquetFiles(fs, dir)) {
                if (!committed.contains(chunkOf(f))) {
                    fs.delete(f, false);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static String chunkOf(Path file) {
        String name = file.getName();
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    static List<Path> parquetFiles(FileSystem fs, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            FileStatus s = it.next();
            String n = s.getPath().getName();
            if (n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_")) {
                out.add(s.getPath());
            }
        }
        return out;
    }
}
