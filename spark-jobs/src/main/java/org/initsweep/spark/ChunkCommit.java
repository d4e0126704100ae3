package org.initsweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initsweep.core.trace.Tables;

/**
 * Makes a chunk of runs visible all at once. A chunk's tables are written by Spark under
 * {@code .staging/<chunk>/}, then each Parquet file is renamed into its table with the chunk id as
 * a prefix — the other tables first, {@code runs/} (one file per chunk) last. A run counts as done
 * exactly when its {@code runs/} row exists; a chunk interrupted between renames leaves files in
 * the other tables that no {@code runs/} file vouches for, and {@link #removeOrphans} deletes them
 * before a resumed sweep recomputes those runs. Each commit also leaves a manifest of its files and
 * their lengths; {@link #audit} uncommits a chunk whose files were later deleted or truncated, so its
 * runs are computed again. So no run is ever counted twice or half.
 */
final class ChunkCommit {

    static final String STAGING = ".staging";
    /** Folder of the chunks' manifests (one file per committed chunk). */
    static final String MANIFESTS = Tables.CHUNKS;
    /** Tables committed before {@code runs/}. */
    static final List<String> DEPENDENT = List.of(Tables.LAYERS, Tables.EPOCHS, Tables.HISTOGRAMS, Tables.BOUNDARIES,
            Tables.JACOBIAN);

    private ChunkCommit() {
    }

    /**
     * Moves the staged tables of chunk {@code id} into {@code out}, runs last, then drops the staging
     * folder. Just before the runs/ file lands, the chunk's manifest ({@value #MANIFESTS}/&lt;chunk&gt;)
     * lists every file of the commit and its length in bytes, so that {@link #audit} can later tell a
     * whole chunk from one whose files were truncated or deleted.
     */
    static void commit(FileSystem fs, Path out, String id) throws IOException {
        Path staged = fs.makeQualified(new Path(new Path(out, STAGING), id));
        List<String> order = new ArrayList<>(DEPENDENT);
        order.add(Tables.RUNS);
        StringBuilder manifest = new StringBuilder();
        List<Path[]> runsMoves = new ArrayList<>();
        for (String table : order) {
            Path from = new Path(staged, table);
            if (!fs.exists(from)) {
                continue;
            }
            for (FileStatus status : parquetStatuses(fs, from)) {
                Path file = status.getPath();
                String rel = from.toUri().relativize(file.getParent().toUri()).getPath();
                String relDir = rel.isEmpty() ? table : table + "/" + stripSlash(rel);
                Path dir = new Path(out, relDir);
                Path to = new Path(dir, id + "-" + file.getName());
                manifest.append(relDir).append('/').append(to.getName()).append('\t')
                        .append(status.getLen()).append('\n');
                if (table.equals(Tables.RUNS)) {
                    runsMoves.add(new Path[] {file, to});
                    continue;
                }
                move(fs, file, dir, to);
            }
        }
        Path manifests = new Path(out, MANIFESTS);
        fs.mkdirs(manifests);
        Path tmp = new Path(manifests, "." + id + ".tmp");
        try (java.io.OutputStream os = fs.create(tmp, true)) {
            os.write(manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, new Path(manifests, id))) {
            throw new IOException("could not move " + tmp + " to " + new Path(manifests, id));
        }
        for (Path[] m : runsMoves) {
            move(fs, m[0], m[1].getParent(), m[1]);
        }
        fs.delete(staged, true);
    }

    private static void move(FileSystem fs, Path file, Path dir, Path to) throws IOException {
        fs.mkdirs(dir);
        if (!fs.rename(file, to)) {
            throw new IOException("could not move " + file + " to " + to);
        }
    }

    private static String stripSlash(String rel) {
        return rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
    }

    /**
     * Checks every committed chunk that has a manifest against it: each listed file must exist with
     * its listed length. A chunk that is not whole (a file deleted or truncated, say after a reader
     * named it broken) is uncommitted — its runs/ file first, so that a kill midway leaves orphans
     * that {@link #removeOrphans} clears — and its runs are computed again by the resumed sweep.
     * Chunks without a manifest (written before manifests existed) are trusted as before.
     *
     * @return the chunk ids removed
     */
    static List<String> audit(FileSystem fs, Path out) throws IOException {
        List<String> removed = new ArrayList<>();
        Path runs = new Path(out, Tables.RUNS);
        Path manifests = new Path(out, MANIFESTS);
        if (!fs.exists(runs) || !fs.exists(manifests)) {
            return removed;
        }
        Set<String> chunks = new java.util.TreeSet<>();
        for (Path f : parquetFiles(fs, runs)) {
            chunks.add(chunkOf(f));
        }
        for (String id : chunks) {
            Path m = new Path(manifests, id);
            if (!fs.exists(m)) {
                continue;
            }
            String text;
            try (java.io.InputStream in = fs.open(m)) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            boolean whole = true;
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                Path f = new Path(out, parts[0]);
                if (!fs.exists(f) || fs.getFileStatus(f).getLen() != Long.parseLong(parts[1].strip())) {
                    whole = false;
                    break;
                }
            }
            if (!whole) {
                for (Path f : parquetFiles(fs, runs)) {
                    if (chunkOf(f).equals(id)) {
                        fs.delete(f, false);
                    }
                }
                removed.add(id);
            }
        }
        return removed;
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
        Path manifests = new Path(out, MANIFESTS);
        if (fs.exists(manifests)) {
            for (org.apache.hadoop.fs.FileStatus m : fs.listStatus(manifests)) {
                if (!committed.contains(m.getPath().getName())) {
                    fs.delete(m.getPath(), false);
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

    /**
     * The Parquet files below {@code dir}, at any depth (hidden and {@code _} files left out).
     *
     * @throws java.io.FileNotFoundException if {@code dir} does not exist
     */
    static List<Path> parquetFiles(FileSystem fs, Path dir) throws IOException {
        return parquetStatuses(fs, dir).stream().map(FileStatus::getPath).toList();
    }

    /** As {@link #parquetFiles}, with the lengths the listing already read. */
    private static List<FileStatus> parquetStatuses(FileSystem fs, Path dir) throws IOException {
        List<FileStatus> out = new ArrayList<>();
        addParquetFiles(fs, dir, out);
        return out;
    }

    // listStatus, not listFiles: a located status asks for each file's permission, which Hadoop's local
    // file system reads by running `ls -ld` when its native library is absent (≈ 10 ms a file).
    private static void addParquetFiles(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            String n = s.getPath().getName();
            if (s.isDirectory()) {
                addParquetFiles(fs, s.getPath(), out);
            } else if (n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_")) {
                out.add(s);
            }
        }
    }
}
